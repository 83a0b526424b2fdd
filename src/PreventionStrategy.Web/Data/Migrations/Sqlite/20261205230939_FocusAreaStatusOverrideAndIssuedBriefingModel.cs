using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FocusAreaStatusOverrideAndIssuedBriefingModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatusOverride",
                table: "FocusAreas",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusOverrideAtUtc",
                table: "FocusAreas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusOverrideByName",
                table: "FocusAreas",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusOverrideJustification",
                table: "FocusAreas",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModelJson",
                table: "CommitteeBriefings",
                type: "TEXT",
                maxLength: 4000000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatusOverride",
                table: "FocusAreas");

            migrationBuilder.DropColumn(
                name: "StatusOverrideAtUtc",
                table: "FocusAreas");

            migrationBuilder.DropColumn(
                name: "StatusOverrideByName",
                table: "FocusAreas");

            migrationBuilder.DropColumn(
                name: "StatusOverrideJustification",
                table: "FocusAreas");

            migrationBuilder.DropColumn(
                name: "ModelJson",
                table: "CommitteeBriefings");
        }
    }
}
