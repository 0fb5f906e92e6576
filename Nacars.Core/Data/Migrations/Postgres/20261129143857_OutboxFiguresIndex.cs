using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxFiguresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_SentAtUtc_CreatedAtUtc",
                table: "OutboxMessages",
                columns: new[] { "State", "SentAtUtc", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_State_SentAtUtc_CreatedAtUtc",
                table: "OutboxMessages");
        }
    }
}
