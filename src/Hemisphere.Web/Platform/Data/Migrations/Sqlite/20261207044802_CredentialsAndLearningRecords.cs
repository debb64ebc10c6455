using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CredentialsAndLearningRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CertifiedAt",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "EnrolmentId",
                table: "Certificates",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "EditionMode",
                table: "Certificates",
                type: "TEXT",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<Guid>(
                name: "EditionId",
                table: "Certificates",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "CourseId",
                table: "Certificates",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "AccreditationId",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccreditingUniversity",
                table: "Certificates",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementReference",
                table: "Certificates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditSystem",
                table: "Certificates",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Credits",
                table: "Certificates",
                type: "REAL",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProgrammeId",
                table: "Certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AcademyAccreditations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UniversityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreementReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AgreementFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Hours = table.Column<double>(type: "REAL", precision: 7, scale: 2, nullable: false),
                    Credits = table.Column<double>(type: "REAL", precision: 7, scale: 2, nullable: false),
                    CreditSystem = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "BadgeSigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeSigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BadgeStatusEntries",
                columns: table => new
                {
                    Index = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeStatusEntries", x => x.Index);
                    table.ForeignKey(
                        name: "FK_BadgeStatusEntries_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "XapiActivities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiAttachments",
                columns: table => new
                {
                    Sha2 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiAttachments", x => x.Sha2);
                });

            migrationBuilder.CreateTable(
                name: "XapiClients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScopeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    AgentKey = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Registration = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha1 = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatements",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VerbId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ActorKey = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Registration = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stored = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false),
                    VoidsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatements", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatementRefs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    VerbId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatementRefs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_XapiStatementRefs_XapiStatements_StatementSeq",
                        column: x => x.StatementSeq,
                        principalTable: "XapiStatements",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_BadgeSigningKeys_Current",
                table: "BadgeSigningKeys",
                column: "Algorithm",
                unique: true,
                filter: "\"RetiredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BadgeSigningKeys_KeyId",
                table: "BadgeSigningKeys",
                column: "KeyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BadgeStatusEntries_CertificateId",
                table: "BadgeStatusEntries",
                column: "CertificateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiClients_Key",
                table: "XapiClients",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiDocuments_ScopeHash_DocumentId",
                table: "XapiDocuments",
                columns: new[] { "ScopeHash", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatementRefs_Key_Kind_StatementSeq",
                table: "XapiStatementRefs",
                columns: new[] { "Key", "Kind", "StatementSeq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatementRefs_Key_Kind_VerbId_StatementSeq",
                table: "XapiStatementRefs",
                columns: new[] { "Key", "Kind", "VerbId", "StatementSeq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatementRefs_StatementSeq",
                table: "XapiStatementRefs",
                column: "StatementSeq");

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_ClientId_Seq",
                table: "XapiStatements",
                columns: new[] { "ClientId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_Id",
                table: "XapiStatements",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_Registration_Seq",
                table: "XapiStatements",
                columns: new[] { "Registration", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_Stored",
                table: "XapiStatements",
                column: "Stored");

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_TargetId",
                table: "XapiStatements",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_VerbId_Seq",
                table: "XapiStatements",
                columns: new[] { "VerbId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_VoidsId",
                table: "XapiStatements",
                column: "VoidsId");

            migrationBuilder.AddForeignKey(
                name: "FK_Certificates_AcademyProgrammes_ProgrammeId",
                table: "Certificates",
                column: "ProgrammeId",
                principalTable: "AcademyProgrammes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Enrolments whose live certificate was issued before the CertifiedAt column existed are certified from the day it was issued.
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
            migrationBuilder.DropForeignKey(
                name: "FK_Certificates_AcademyProgrammes_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropTable(
                name: "AcademyAccreditations");

            migrationBuilder.DropTable(
                name: "BadgeSigningKeys");

            migrationBuilder.DropTable(
                name: "BadgeStatusEntries");

            migrationBuilder.DropTable(
                name: "XapiActivities");

            migrationBuilder.DropTable(
                name: "XapiAttachments");

            migrationBuilder.DropTable(
                name: "XapiClients");

            migrationBuilder.DropTable(
                name: "XapiDocuments");

            migrationBuilder.DropTable(
                name: "XapiStatementRefs");

            migrationBuilder.DropTable(
                name: "XapiStatements");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_LearnerId_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "CertifiedAt",
                table: "Enrolments");

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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EditionMode",
                table: "Certificates",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "EditionId",
                table: "Certificates",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CourseId",
                table: "Certificates",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
