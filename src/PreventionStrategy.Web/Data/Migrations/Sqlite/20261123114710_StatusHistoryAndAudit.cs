using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusHistoryAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastStatusUpdateAtUtc",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProgressFromTasks",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneStatusUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OldStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NewStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OldProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    NewProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    OldForecastDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewForecastDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneStatusUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneStatusUpdates_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MilestoneStatusUpdates_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneStatusUpdates_MilestoneId_UpdatedAtUtc",
                table: "MilestoneStatusUpdates",
                columns: new[] { "MilestoneId", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneStatusUpdates_UpdatedAtUtc",
                table: "MilestoneStatusUpdates",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneStatusUpdates_UpdatedById",
                table: "MilestoneStatusUpdates",
                column: "UpdatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "MilestoneStatusUpdates");

            migrationBuilder.DropColumn(
                name: "IsArchived",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "LastStatusUpdateAtUtc",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ProgressFromTasks",
                table: "Milestones");
        }
    }
}
