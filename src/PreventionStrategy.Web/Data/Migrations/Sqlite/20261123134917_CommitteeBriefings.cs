using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommitteeBriefings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommitteeBriefingId",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitteeBriefings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AutomaticKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeBriefings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeBriefings_CommitteeMeetings_CommitteeMeetingId",
                        column: x => x.CommitteeMeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommitteeBriefings_Strategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "Strategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeBriefings_AutomaticKey",
                table: "CommitteeBriefings",
                column: "AutomaticKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeBriefings_CommitteeMeetingId",
                table: "CommitteeBriefings",
                column: "CommitteeMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeBriefings_StrategyId_CommitteeMeetingId_Version",
                table: "CommitteeBriefings",
                columns: new[] { "StrategyId", "CommitteeMeetingId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeBriefings");

            migrationBuilder.DropColumn(
                name: "CommitteeBriefingId",
                table: "Deliveries");
        }
    }
}
