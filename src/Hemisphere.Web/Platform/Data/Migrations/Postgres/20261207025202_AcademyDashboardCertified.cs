using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AcademyDashboardCertified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CountryCode_LearnerId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CourseId_LearnerId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_InstitutionId_LearnerId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CertifiedAt",
                table: "Enrolments",
                type: "timestamp with time zone",
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

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CountryCode_LearnerId",
                table: "Enrolments",
                columns: new[] { "CountryCode", "LearnerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "LastActivityAt", "Year", "CertifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_LearnerId",
                table: "Enrolments",
                columns: new[] { "CourseId", "LearnerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "LastActivityAt", "Year", "CertifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_InstitutionId_LearnerId",
                table: "Enrolments",
                columns: new[] { "InstitutionId", "LearnerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "LastActivityAt", "Year", "CertifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments",
                columns: new[] { "LearnerId", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "LastActivityAt", "Year", "CertifiedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CountryCode_LearnerId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CourseId_LearnerId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_InstitutionId_LearnerId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "CertifiedAt",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CountryCode_LearnerId",
                table: "Enrolments",
                columns: new[] { "CountryCode", "LearnerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "LastActivityAt", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_LearnerId",
                table: "Enrolments",
                columns: new[] { "CourseId", "LearnerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "LastActivityAt", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_InstitutionId_LearnerId",
                table: "Enrolments",
                columns: new[] { "InstitutionId", "LearnerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "LastActivityAt", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_LearnerId_Status",
                table: "Enrolments",
                columns: new[] { "LearnerId", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "LastActivityAt", "Year" });
        }
    }
}
