using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    VisibleFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    LangTerm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchFacets",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchFacets", x => new { x.DocumentId, x.Name, x.Value });
                    table.ForeignKey(
                        name: "FK_SearchFacets_SearchDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "SearchDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Source_SourceId",
                table: "SearchDocuments",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_VisibleFrom",
                table: "SearchDocuments",
                column: "VisibleFrom");

            migrationBuilder.CreateIndex(
                name: "IX_SearchFacets_Name_Value",
                table: "SearchFacets",
                columns: new[] { "Name", "Value" });

            migrationBuilder.Sql(Hemisphere.Platform.Search.SearchSchema.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Hemisphere.Platform.Search.SearchSchema.SqliteDown);

            migrationBuilder.DropTable(
                name: "SearchFacets");

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
