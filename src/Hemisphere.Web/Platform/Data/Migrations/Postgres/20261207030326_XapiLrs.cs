using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class XapiLrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_XapiStatements_VerbId_Seq",
                table: "XapiStatements",
                columns: new[] { "VerbId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_VoidsId",
                table: "XapiStatements",
                column: "VoidsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
