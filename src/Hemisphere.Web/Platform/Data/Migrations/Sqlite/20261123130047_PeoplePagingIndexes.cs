using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeoplePagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Visibility_FullName",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_FullName_Id",
                table: "People",
                columns: new[] { "FullName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_Visibility_FullName_Id",
                table: "People",
                columns: new[] { "Visibility", "FullName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_FullName_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Visibility_FullName_Id",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_Visibility_FullName",
                table: "People",
                columns: new[] { "Visibility", "FullName" });
        }
    }
}
