using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvitationsFollowChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AlsoInvitationChanges",
                table: "ReminderOptOuts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EventDate",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MessageGuid",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SentInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EndTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganizerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganizerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastSentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentInvitations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SentInvitations_Cancelled_Date",
                table: "SentInvitations",
                columns: new[] { "Cancelled", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SentInvitations_MilestoneId_Email",
                table: "SentInvitations",
                columns: new[] { "MilestoneId", "Email" },
                unique: true);

            // Who already holds an invitation, from the deliveries sent before this table existed, so
            // an event deleted or moved after the upgrade still reaches them. The milestone as it is
            // now stands in for what they hold; an organiser left empty means the site's sender, the
            // only organiser invitations named until now.
            migrationBuilder.Sql("""
                INSERT INTO "SentInvitations" ("MilestoneId", "Email", "RecipientName", "Sequence", "Cancelled", "Title", "Date", "StartTime", "EndTime", "Location", "OrganizerEmail", "OrganizerName", "LastSentAtUtc")
                SELECT d."MilestoneId", lower(trim(d."RecipientEmail")), max(d."RecipientName"), max(coalesce(d."EventSequence", 0)),
                       max(CASE WHEN d."Kind" = 2 THEN 1 ELSE 0 END), m."Title", m."TimingDate", m."TimingStartTime", m."TimingEndTime", m."Location", '', NULL, max(d."SentAtUtc")
                FROM "Deliveries" d JOIN "Milestones" m ON m."Id" = d."MilestoneId"
                WHERE d."State" = 1 AND d."Kind" IN (0, 1, 2) AND m."TimingDate" IS NOT NULL AND d."SentAtUtc" IS NOT NULL
                GROUP BY d."MilestoneId", lower(trim(d."RecipientEmail"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SentInvitations");

            migrationBuilder.DropColumn(
                name: "AlsoInvitationChanges",
                table: "ReminderOptOuts");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "EventDate",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "MessageGuid",
                table: "Deliveries");
        }
    }
}
