using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AcademyDashboardTotalIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments",
                columns: new[] { "LearnerId", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "LastActivityAt", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments",
                columns: new[] { "LearnerId", "Status" });
        }
    }
}
