using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Revisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "revised_at",
                table: "staff_members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revised_by_name",
                table: "staff_members",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "staff_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "revised_at",
                table: "progression_frameworks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revised_by_name",
                table: "progression_frameworks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "progression_frameworks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "revised_at",
                table: "observation_settings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revised_by_name",
                table: "observation_settings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "observation_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "revised_at",
                table: "observation_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revised_by_name",
                table: "observation_records",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "observation_records",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "revised_at",
                table: "objectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revised_by_name",
                table: "objectives",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "objectives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "appraisee_signed_revision",
                table: "appraisal_reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "appraiser_signed_revision",
                table: "appraisal_reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "revised_at",
                table: "appraisal_reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "revised_by_name",
                table: "appraisal_reviews",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "appraisal_reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revised_at",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "revised_by_name",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "revised_at",
                table: "progression_frameworks");

            migrationBuilder.DropColumn(
                name: "revised_by_name",
                table: "progression_frameworks");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "progression_frameworks");

            migrationBuilder.DropColumn(
                name: "revised_at",
                table: "observation_settings");

            migrationBuilder.DropColumn(
                name: "revised_by_name",
                table: "observation_settings");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "observation_settings");

            migrationBuilder.DropColumn(
                name: "revised_at",
                table: "observation_records");

            migrationBuilder.DropColumn(
                name: "revised_by_name",
                table: "observation_records");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "observation_records");

            migrationBuilder.DropColumn(
                name: "revised_at",
                table: "objectives");

            migrationBuilder.DropColumn(
                name: "revised_by_name",
                table: "objectives");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "objectives");

            migrationBuilder.DropColumn(
                name: "appraisee_signed_revision",
                table: "appraisal_reviews");

            migrationBuilder.DropColumn(
                name: "appraiser_signed_revision",
                table: "appraisal_reviews");

            migrationBuilder.DropColumn(
                name: "revised_at",
                table: "appraisal_reviews");

            migrationBuilder.DropColumn(
                name: "revised_by_name",
                table: "appraisal_reviews");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "appraisal_reviews");
        }
    }
}
