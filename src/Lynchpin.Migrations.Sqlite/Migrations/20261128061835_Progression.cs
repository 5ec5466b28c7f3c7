using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    checkpoint = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    assessor_id = table.Column<int>(type: "INTEGER", nullable: true),
                    criteria_met = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    reflection = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    reflection_at = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    checkpoint = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    trust_id = table.Column<int>(type: "INTEGER", nullable: true)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    framework_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    descriptor = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    stage_id = table.Column<int>(type: "INTEGER", nullable: false),
                    role_family = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
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
