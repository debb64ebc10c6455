using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CredentialsAndLearningRecords : Migration
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

            migrationBuilder.CreateTable(
                name: "BadgeSigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PublicJwk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeSigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BadgeStatusEntries",
                columns: table => new
                {
                    Index = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiAttachments",
                columns: table => new
                {
                    Sha2 = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiAttachments", x => x.Sha2);
                });

            migrationBuilder.CreateTable(
                name: "XapiClients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScopeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    AgentKey = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Registration = table.Column<Guid>(type: "uuid", nullable: true),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha1 = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Updated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatements",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VerbId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ActorKey = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Registration = table.Column<Guid>(type: "uuid", nullable: true),
                    Stored = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Voided = table.Column<bool>(type: "boolean", nullable: false),
                    VoidsId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatements", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatementRefs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StatementSeq = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    VerbId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false)
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
