using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunningSupervisionFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_PeriodStatistics",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ReceivedMonthUk",
                table: "Contacts");

            migrationBuilder.CreateTable(
                name: "AnalystDayFigures",
                columns: table => new
                {
                    Analyst = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Decisions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalystDayFigures", x => new { x.Analyst, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "ForceDayFigures",
                columns: table => new
                {
                    ForceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Open = table.Column<int>(type: "integer", nullable: false),
                    Disseminated = table.Column<int>(type: "integer", nullable: false),
                    NotDisseminated = table.Column<int>(type: "integer", nullable: false),
                    Urgent = table.Column<int>(type: "integer", nullable: false),
                    InsufficientDetail = table.Column<int>(type: "integer", nullable: false),
                    NotAboutPolice = table.Column<int>(type: "integer", nullable: false),
                    PersonalComplaint = table.Column<int>(type: "integer", nullable: false),
                    Duplicate = table.Column<int>(type: "integer", nullable: false),
                    MaliciousOrTest = table.Column<int>(type: "integer", nullable: false),
                    OtherReason = table.Column<int>(type: "integer", nullable: false),
                    FirstSent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceDayFigures", x => new { x.ForceCode, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnalystDayFigures_Day",
                table: "AnalystDayFigures",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ForceDayFigures_Day",
                table: "ForceDayFigures",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalystDayFigures");

            migrationBuilder.DropTable(
                name: "ForceDayFigures");

            migrationBuilder.AddColumn<string>(
                name: "ReceivedMonthUk",
                table: "Contacts",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PeriodStatistics",
                table: "Contacts",
                columns: new[] { "ForceCode", "ReceivedMonthUk", "Status", "Urgent", "NotDisseminatedReason", "ReceivedAtUtc" });
        }
    }
}
