using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportedFactsAndChecklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Only the model changed: what the reporter said and the threshold checklist became values of the contact,
            // and their columns keep their names (so no data moves and each column's encryption purpose is unchanged).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
