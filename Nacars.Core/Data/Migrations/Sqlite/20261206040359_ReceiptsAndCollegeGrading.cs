using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReceiptsAndCollegeGrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 3x5x2 as the College of Policing writes it (ADR 0013): the source evaluation was stored as the letters
            // A, B, C and becomes 1, 2, 3; the assessment's stored 1 to 5 now reads as A to E, so it needs no change.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Grading_Source\" = CASE \"Grading_Source\" WHEN 'A' THEN '1' WHEN 'B' THEN '2' WHEN 'C' THEN '3' ELSE \"Grading_Source\" END WHERE \"Grading_Source\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "SubmissionReceipts",
                columns: table => new
                {
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionReceipts", x => x.KeyHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionReceipts_ReceivedAtUtc",
                table: "SubmissionReceipts",
                column: "ReceivedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Grading_Source\" = CASE \"Grading_Source\" WHEN '1' THEN 'A' WHEN '2' THEN 'B' WHEN '3' THEN 'C' ELSE \"Grading_Source\" END WHERE \"Grading_Source\" IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "SubmissionReceipts");
        }
    }
}
