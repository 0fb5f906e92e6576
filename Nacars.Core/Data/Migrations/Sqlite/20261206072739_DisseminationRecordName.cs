using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisseminationRecordName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Only the entity's class was renamed (Dissemination to DisseminationRecord, no longer its namespace's
            // name); the table and its columns are unchanged. This migration carries the model snapshot.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
