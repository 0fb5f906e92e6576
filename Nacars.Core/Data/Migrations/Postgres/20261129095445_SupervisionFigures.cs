using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disseminations_Timeliness",
                table: "Disseminations");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_ForceStatistics",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_MonthlyStatistics",
                table: "Contacts");

            migrationBuilder.AddColumn<string>(
                name: "ReceivedMonthUk",
                table: "Contacts",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_Reroutes",
                table: "Disseminations",
                columns: new[] { "CreatedAtUtc", "ContactId" },
                filter: "\"RerouteReason\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_Timeliness",
                table: "Disseminations",
                columns: new[] { "ForceCode", "SecondsFromReceipt", "ContactReceivedAtUtc" },
                filter: "\"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PeriodStatistics",
                table: "Contacts",
                columns: new[] { "ForceCode", "ReceivedMonthUk", "Status", "Urgent", "NotDisseminatedReason", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Urgent",
                table: "Contacts",
                column: "ReceivedAtUtc",
                filter: "\"Urgent\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disseminations_Reroutes",
                table: "Disseminations");

            migrationBuilder.DropIndex(
                name: "IX_Disseminations_Timeliness",
                table: "Disseminations");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PeriodStatistics",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_Urgent",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ReceivedMonthUk",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_Timeliness",
                table: "Disseminations",
                columns: new[] { "ContactReceivedAtUtc", "RerouteReason", "ForceCode", "SecondsFromReceipt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ForceStatistics",
                table: "Contacts",
                columns: new[] { "ForceCode", "ReceivedAtUtc", "Status", "Urgent", "NotDisseminatedReason" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_MonthlyStatistics",
                table: "Contacts",
                columns: new[] { "ReceivedAtUtc", "Status", "Urgent" });
        }
    }
}
