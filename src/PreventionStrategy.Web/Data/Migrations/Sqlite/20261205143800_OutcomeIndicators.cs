using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutcomeIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    BaselineValue = table.Column<double>(type: "REAL", nullable: true),
                    BaselinePrecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    BaselinePeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    BaselineDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BaselineStartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BaselineEndTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BaselineStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BaselineEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsExampleData = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Indicators_Strategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "Strategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorCategories_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFocusAreas",
                columns: table => new
                {
                    FocusAreasId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFocusAreas", x => new { x.FocusAreasId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_IndicatorFocusAreas_FocusAreas_FocusAreasId",
                        column: x => x.FocusAreasId,
                        principalTable: "FocusAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorFocusAreas_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorImportDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorImportDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorImportDrafts_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimingPrecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TimingYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TimingPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    TimingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TimingStartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    TimingEndTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Total = table.Column<double>(type: "REAL", nullable: false),
                    IsFinal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasurements_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Low = table.Column<double>(type: "REAL", nullable: true),
                    High = table.Column<double>(type: "REAL", nullable: true),
                    Reasoning = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurementRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimingPrecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TimingYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TimingPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    TimingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TimingStartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    TimingEndTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OldTotal = table.Column<double>(type: "REAL", nullable: true),
                    NewTotal = table.Column<double>(type: "REAL", nullable: true),
                    OldIsFinal = table.Column<bool>(type: "INTEGER", nullable: true),
                    NewIsFinal = table.Column<bool>(type: "INTEGER", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasurementRevisions_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasurementId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_IndicatorCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "IndicatorCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_IndicatorMeasurements_MeasurementId",
                        column: x => x.MeasurementId,
                        principalTable: "IndicatorMeasurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCategories_IndicatorId_SortOrder",
                table: "IndicatorCategories",
                columns: new[] { "IndicatorId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFocusAreas_IndicatorId",
                table: "IndicatorFocusAreas",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorImportDrafts_CreatedAtUtc",
                table: "IndicatorImportDrafts",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorImportDrafts_IndicatorId",
                table: "IndicatorImportDrafts",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasurements_IndicatorId_PeriodKey",
                table: "IndicatorMeasurements",
                columns: new[] { "IndicatorId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasurements_PeriodStart",
                table: "IndicatorMeasurements",
                column: "PeriodStart");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_BaselineStart",
                table: "Indicators",
                column: "BaselineStart");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OwnerId",
                table: "Indicators",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_StrategyId_SortOrder",
                table: "Indicators",
                columns: new[] { "StrategyId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_IndicatorId_Year",
                table: "IndicatorTargets",
                columns: new[] { "IndicatorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_CategoryId",
                table: "IndicatorValues",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_MeasurementId_CategoryId",
                table: "IndicatorValues",
                columns: new[] { "MeasurementId", "CategoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementRevisions_IndicatorId_ChangedAtUtc",
                table: "MeasurementRevisions",
                columns: new[] { "IndicatorId", "ChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementRevisions_PeriodStart",
                table: "MeasurementRevisions",
                column: "PeriodStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorFocusAreas");

            migrationBuilder.DropTable(
                name: "IndicatorImportDrafts");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "MeasurementRevisions");

            migrationBuilder.DropTable(
                name: "IndicatorCategories");

            migrationBuilder.DropTable(
                name: "IndicatorMeasurements");

            migrationBuilder.DropTable(
                name: "Indicators");
        }
    }
}
