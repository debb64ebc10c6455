using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hemisphere.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NamePt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SummaryEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SummaryFr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SummaryPt = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pillar = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatusOverride = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Donors = table.Column<string>(type: "TEXT", nullable: false),
                    Partners = table.Column<string>(type: "TEXT", nullable: false),
                    Links = table.Column<string>(type: "TEXT", nullable: false),
                    FundingAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    FundingCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AchievedResultsEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AchievedResultsEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    AchievedResultsFr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    AchievedResultsPt = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ExpectedResultsEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ExpectedResultsEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ExpectedResultsFr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ExpectedResultsPt = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NamePt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ObjectivesEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ObjectivesEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ObjectivesFr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ObjectivesPt = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SummaryEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SummaryFr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SummaryPt = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    TargetBeneficiariesEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TargetBeneficiariesEs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TargetBeneficiariesFr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TargetBeneficiariesPt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
