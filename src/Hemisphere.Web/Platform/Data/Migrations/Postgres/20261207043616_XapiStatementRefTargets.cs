using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class XapiStatementRefTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TargetId",
                table: "XapiStatements",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_TargetId",
                table: "XapiStatements",
                column: "TargetId");

            // The statements stored before: their StatementRef object's id (EF keeps Guids as uuid on PostgreSQL).
            migrationBuilder.Sql("""UPDATE "XapiStatements" SET "TargetId" = ("Json"::jsonb -> 'object' ->> 'id')::uuid WHERE "Json"::jsonb -> 'object' ->> 'objectType' = 'StatementRef';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_XapiStatements_TargetId",
                table: "XapiStatements");

            migrationBuilder.DropColumn(
                name: "TargetId",
                table: "XapiStatements");
        }
    }
}
