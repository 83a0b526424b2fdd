using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionStrategy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IpAddress",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInFailureAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IpAddress",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "LastSignInFailureAtUtc",
                table: "AspNetUsers");
        }
    }
}
