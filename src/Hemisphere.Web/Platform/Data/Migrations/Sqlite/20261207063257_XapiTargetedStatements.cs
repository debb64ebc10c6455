using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class XapiTargetedStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Targeted",
                table: "XapiStatements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Statements some stored StatementRef already points to (voiding statements included).
            migrationBuilder.Sql("""
                UPDATE "XapiStatements" SET "Targeted" = TRUE
                WHERE "Id" IN (SELECT "TargetId" FROM "XapiStatements" WHERE "TargetId" IS NOT NULL)
                """);

            // The academy's scored statements failed validation before this version (whole-number scores were refused) and
            // their outbox messages gave up after eight attempts: they are tried again.
            migrationBuilder.Sql("""
                UPDATE "Outbox" SET "FailedAt" = NULL, "Attempts" = 0
                WHERE "Kind" = 'academy.xapi' AND "ProcessedAt" IS NULL AND "FailedAt" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Targeted",
                table: "XapiStatements");
        }
    }
}
