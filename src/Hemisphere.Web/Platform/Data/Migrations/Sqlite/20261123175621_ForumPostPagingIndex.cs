using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForumPostPagingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ForumPosts_TopicId_CreatedAt",
                table: "ForumPosts");

            migrationBuilder.CreateIndex(
                name: "IX_ForumPosts_TopicId_CreatedAt_Id",
                table: "ForumPosts",
                columns: new[] { "TopicId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ForumPosts_TopicId_CreatedAt_Id",
                table: "ForumPosts");

            migrationBuilder.CreateIndex(
                name: "IX_ForumPosts_TopicId_CreatedAt",
                table: "ForumPosts",
                columns: new[] { "TopicId", "CreatedAt" });
        }
    }
}
