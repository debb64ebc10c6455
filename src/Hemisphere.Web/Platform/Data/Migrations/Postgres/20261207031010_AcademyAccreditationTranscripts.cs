using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AcademyAccreditationTranscripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "EnrolmentId",
                table: "Certificates",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<string>(
                name: "EditionMode",
                table: "Certificates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<Guid>(
                name: "EditionId",
                table: "Certificates",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "CourseId",
                table: "Certificates",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "AccreditationId",
                table: "Certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccreditingUniversity",
                table: "Certificates",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementReference",
                table: "Certificates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditSystem",
                table: "Certificates",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Credits",
                table: "Certificates",
                type: "numeric(7,2)",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProgrammeId",
                table: "Certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AcademyAccreditations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgreementReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AgreementFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    Credits = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    CreditSystem = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcademyAccreditations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcademyAccreditations_AcademyProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AcademyProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcademyAccreditations_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcademyAccreditations_Institutions_UniversityId",
                        column: x => x.UniversityId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcademyAccreditations_StoredFiles_AgreementFileId",
                        column: x => x.AgreementFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_LearnerId_ProgrammeId",
                table: "Certificates",
                columns: new[] { "LearnerId", "ProgrammeId" },
                unique: true,
                filter: "\"SupersededById\" IS NULL AND \"ProgrammeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProgrammeId",
                table: "Certificates",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_AcademyAccreditations_AgreementFileId",
                table: "AcademyAccreditations",
                column: "AgreementFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AcademyAccreditations_CourseId",
                table: "AcademyAccreditations",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_AcademyAccreditations_ProgrammeId",
                table: "AcademyAccreditations",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_AcademyAccreditations_UniversityId",
                table: "AcademyAccreditations",
                column: "UniversityId");

            migrationBuilder.AddForeignKey(
                name: "FK_Certificates_AcademyProgrammes_ProgrammeId",
                table: "Certificates",
                column: "ProgrammeId",
                principalTable: "AcademyProgrammes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Certificates_AcademyProgrammes_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropTable(
                name: "AcademyAccreditations");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_LearnerId_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "AccreditationId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "AccreditingUniversity",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "AgreementReference",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "CreditSystem",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Credits",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "Certificates");

            migrationBuilder.AlterColumn<Guid>(
                name: "EnrolmentId",
                table: "Certificates",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EditionMode",
                table: "Certificates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "EditionId",
                table: "Certificates",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CourseId",
                table: "Certificates",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
