using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lynchpin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Progression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    staff_member_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    checkpoint = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assessor_id = table.Column<int>(type: "integer", nullable: true),
                    criteria_met = table.Column<List<string>>(type: "text[]", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "text", nullable: true),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reflection = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    reflection_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessments_staff_members_assessor_id",
                        column: x => x.assessor_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_assessments_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "checkpoint_dates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    checkpoint = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoint_dates", x => x.id);
                    table.ForeignKey(
                        name: "fk_checkpoint_dates_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progression_frameworks",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    school_id = table.Column<int>(type: "integer", nullable: true),
                    trust_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progression_frameworks", x => x.id);
                    table.ForeignKey(
                        name: "fk_progression_frameworks_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_progression_frameworks_trusts_trust_id",
                        column: x => x.trust_id,
                        principalTable: "trusts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progression_stages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    framework_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    descriptor = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progression_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_progression_stages_progression_frameworks_framework_id",
                        column: x => x.framework_id,
                        principalTable: "progression_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stage_criteria",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stage_id = table.Column<int>(type: "integer", nullable: false),
                    role_family = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stage_criteria", x => x.id);
                    table.ForeignKey(
                        name: "fk_stage_criteria_progression_stages_stage_id",
                        column: x => x.stage_id,
                        principalTable: "progression_stages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_assessor_id",
                table: "assessments",
                column: "assessor_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_current",
                table: "assessments",
                columns: new[] { "staff_member_id", "year", "checkpoint" },
                unique: true,
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_profile",
                table: "assessments",
                columns: new[] { "year", "checkpoint", "is_current", "staff_member_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_checkpoint_dates_school_id_year_checkpoint",
                table: "checkpoint_dates",
                columns: new[] { "school_id", "year", "checkpoint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_progression_frameworks_school_id",
                table: "progression_frameworks",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_progression_frameworks_trust_id",
                table: "progression_frameworks",
                column: "trust_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_progression_stages_framework_id_number",
                table: "progression_stages",
                columns: new[] { "framework_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stage_criteria_stage_id",
                table: "stage_criteria",
                column: "stage_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "checkpoint_dates");

            migrationBuilder.DropTable(
                name: "stage_criteria");

            migrationBuilder.DropTable(
                name: "progression_stages");

            migrationBuilder.DropTable(
                name: "progression_frameworks");
        }
    }
}
