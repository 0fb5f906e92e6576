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
            // A, B, C and becomes 1, 2, 3. The assessment was stored as 1 to 5 with 5x5x5 wording, and is now stored as
            // the place of its letter (A = 1 … E = 5); each old grade moves to the letter that means what the analyst
            // chose: 1 "known to be true" and 2 "known personally to the source" -> A (known directly to the source),
            // 3 "not known personally but corroborated" -> B, 4 "cannot be judged" -> D (not known), 5 "suspected false" -> E.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Grading_Source\" = CASE \"Grading_Source\" WHEN 'A' THEN '1' WHEN 'B' THEN '2' WHEN 'C' THEN '3' ELSE \"Grading_Source\" END WHERE \"Grading_Source\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Grading_Assessment\" = CASE \"Grading_Assessment\" WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 2 WHEN 4 THEN 4 WHEN 5 THEN 5 ELSE \"Grading_Assessment\" END WHERE \"Grading_Assessment\" IS NOT NULL;");

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
            // Back to the nearest old grade (the old scale had no "known indirectly, not corroborated"): A -> 1, B -> 3, C and D -> 4, E -> 5.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Grading_Assessment\" = CASE \"Grading_Assessment\" WHEN 1 THEN 1 WHEN 2 THEN 3 WHEN 3 THEN 4 WHEN 4 THEN 4 WHEN 5 THEN 5 ELSE \"Grading_Assessment\" END WHERE \"Grading_Assessment\" IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "SubmissionReceipts");
        }
    }
}
