using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContactRowSeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "Contacts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Without the column the seals are gone: start-up seals every row again after the next upgrade.
            migrationBuilder.Sql("DELETE FROM \"ProtectedSecrets\" WHERE \"Name\" = 'contact-row-seals-complete';");
            migrationBuilder.DropColumn(
                name: "Seal",
                table: "Contacts");
        }
    }
}
