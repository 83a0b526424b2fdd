using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommitteeCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsequenceForFamilies",
                table: "MilestoneStatusUpdates",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsequenceForPlan",
                table: "MilestoneStatusUpdates",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStep",
                table: "MilestoneStatusUpdates",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextStepDate",
                table: "MilestoneStatusUpdates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "MilestoneStatusUpdates",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitteeDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CommitteeMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    AskedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AskedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AskedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeDecisions_CommitteeMeetings_CommitteeMeetingId",
                        column: x => x.CommitteeMeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommitteeDecisions_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategySnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SchemaVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    CommitteeBriefingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategySnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategySnapshots_CommitteeBriefings_CommitteeBriefingId",
                        column: x => x.CommitteeBriefingId,
                        principalTable: "CommitteeBriefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StrategySnapshots_CommitteeMeetings_CommitteeMeetingId",
                        column: x => x.CommitteeMeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StrategySnapshots_Strategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "Strategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_Answer_AnsweredAtUtc",
                table: "CommitteeDecisions",
                columns: new[] { "Answer", "AnsweredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_CommitteeMeetingId",
                table: "CommitteeDecisions",
                column: "CommitteeMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_MilestoneId",
                table: "CommitteeDecisions",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategySnapshots_CommitteeBriefingId",
                table: "StrategySnapshots",
                column: "CommitteeBriefingId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategySnapshots_CommitteeMeetingId",
                table: "StrategySnapshots",
                column: "CommitteeMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategySnapshots_StrategyId_CommitteeMeetingId",
                table: "StrategySnapshots",
                columns: new[] { "StrategyId", "CommitteeMeetingId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeDecisions");

            migrationBuilder.DropTable(
                name: "StrategySnapshots");

            migrationBuilder.DropColumn(
                name: "ConsequenceForFamilies",
                table: "MilestoneStatusUpdates");

            migrationBuilder.DropColumn(
                name: "ConsequenceForPlan",
                table: "MilestoneStatusUpdates");

            migrationBuilder.DropColumn(
                name: "NextStep",
                table: "MilestoneStatusUpdates");

            migrationBuilder.DropColumn(
                name: "NextStepDate",
                table: "MilestoneStatusUpdates");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "MilestoneStatusUpdates");
        }
    }
}
