using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClosedAppraisalCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "closed_at",
                table: "appraisal_cycles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_by_name",
                table: "appraisal_cycles",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "appraisal_cycles");

            migrationBuilder.DropColumn(
                name: "closed_by_name",
                table: "appraisal_cycles");
        }
    }
}
