using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AcademyDashboardCertified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CertifiedAt",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            // Enrolments whose live certificate was issued before this column existed are certified from the day it was issued.
            migrationBuilder.Sql("""
                UPDATE "Enrolments" SET "CertifiedAt" = (
                    SELECT c."IssuedAt" FROM "Certificates" c
                    WHERE c."EnrolmentId" = "Enrolments"."Id" AND c."SupersededById" IS NULL AND c."RevokedAt" IS NULL)
                WHERE EXISTS (
                    SELECT 1 FROM "Certificates" c
                    WHERE c."EnrolmentId" = "Enrolments"."Id" AND c."SupersededById" IS NULL AND c."RevokedAt" IS NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertifiedAt",
                table: "Enrolments");
        }
    }
}
