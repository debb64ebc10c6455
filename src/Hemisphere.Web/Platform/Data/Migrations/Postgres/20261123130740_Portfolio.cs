using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Portfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NameFr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NamePt = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SummaryEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SummaryEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SummaryFr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SummaryPt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Pillar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StatusOverride = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Donors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Partners = table.Column<List<string>>(type: "text[]", nullable: false),
                    Links = table.Column<List<string>>(type: "text[]", nullable: false),
                    FundingAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    FundingCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    ImportKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AchievedResultsEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AchievedResultsEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AchievedResultsFr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AchievedResultsPt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ExpectedResultsEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ExpectedResultsEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ExpectedResultsFr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ExpectedResultsPt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NameFr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NamePt = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ObjectivesEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ObjectivesEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ObjectivesFr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ObjectivesPt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SummaryEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SummaryEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SummaryFr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SummaryPt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    TargetBeneficiariesEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TargetBeneficiariesEs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TargetBeneficiariesFr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TargetBeneficiariesPt = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ImportKey",
                table: "Activities",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ProgrammeId",
                table: "Activities",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Published_StartDate",
                table: "Activities",
                columns: new[] { "Published", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_Key",
                table: "Programmes",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "Programmes");
        }
    }
}
