using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Careers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "career_steps",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    pathway_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    step_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    aim_step_code = table.Column<string>(type: "TEXT", maxLength: 81, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_career_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_career_steps_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cpd_activities",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    @ref = table.Column<string>(name: "ref", type: "TEXT", maxLength: 50, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpd_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_cpd_activities_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cpd_budgets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    budget_holder_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpd_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_cpd_budgets_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cpd_budgets_staff_members_budget_holder_id",
                        column: x => x.budget_holder_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "own_qualifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    trust_id = table.Column<int>(type: "INTEGER", nullable: true),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    awarding_body = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    qts_needed = table.Column<bool>(type: "INTEGER", nullable: false),
                    funded = table.Column<bool>(type: "INTEGER", nullable: false),
                    historic = table.Column<bool>(type: "INTEGER", nullable: false),
                    valid_for_months = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_own_qualifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_own_qualifications_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_own_qualifications_trusts_trust_id",
                        column: x => x.trust_id,
                        principalTable: "trusts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pay_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    scale = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    point = table.Column<int>(type: "INTEGER", nullable: true),
                    fte_salary = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    hours_per_week = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    weeks_per_year = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pay_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_pay_records_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_qualifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    qualification_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    held = table.Column<bool>(type: "INTEGER", nullable: false),
                    gained_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    in_progress = table.Column<bool>(type: "INTEGER", nullable: false),
                    expected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    required_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    evidence_stored_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    evidence_file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_qualifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_qualifications_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_school_hours",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    hours_per_week = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_school_hours", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_school_hours_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_school_hours_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "standard_assessments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    set_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    standard_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    objective_id = table.Column<int>(type: "INTEGER", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standard_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_standard_assessments_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_standard_assessments_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "standard_sets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    trust_id = table.Column<int>(type: "INTEGER", nullable: true),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    role_families = table.Column<string>(type: "TEXT", nullable: false),
                    tiers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standard_sets", x => x.id);
                    table.ForeignKey(
                        name: "fk_standard_sets_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_standard_sets_trusts_trust_id",
                        column: x => x.trust_id,
                        principalTable: "trusts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cpd_attendances",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    activity_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    cost = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    objective_id = table.Column<int>(type: "INTEGER", nullable: true),
                    standard_set_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    standard_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    criterion_text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpd_attendances", x => x.id);
                    table.ForeignKey(
                        name: "fk_cpd_attendances_cpd_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "cpd_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cpd_attendances_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cpd_attendances_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cpd_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    cost = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    objective_id = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    line_manager_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    line_manager_decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    budget_holder_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    budget_decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    declined_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    activity_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpd_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_cpd_requests_cpd_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "cpd_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cpd_requests_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cpd_requests_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cpd_requests_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "standards",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    set_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    tier = table.Column<int>(type: "INTEGER", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standards", x => x.id);
                    table.ForeignKey(
                        name: "fk_standards_standard_sets_set_id",
                        column: x => x.set_id,
                        principalTable: "standard_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cpd_evaluations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    attendance_id = table.Column<int>(type: "INTEGER", nullable: false),
                    reaction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    learning = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    use_in_practice = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    effect_on_pupils = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    line_manager_view = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    line_manager_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    line_manager_view_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpd_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_cpd_evaluations_cpd_attendances_attendance_id",
                        column: x => x.attendance_id,
                        principalTable: "cpd_attendances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_career_steps_staff_member_id_started_on",
                table: "career_steps",
                columns: new[] { "staff_member_id", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cpd_activities_school_id_ref",
                table: "cpd_activities",
                columns: new[] { "school_id", "ref" },
                unique: true,
                filter: "ref IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cpd_activities_school_id_start_date",
                table: "cpd_activities",
                columns: new[] { "school_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_cpd_attendances_activity_id_staff_member_id",
                table: "cpd_attendances",
                columns: new[] { "activity_id", "staff_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cpd_attendances_objective_id",
                table: "cpd_attendances",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_cpd_attendances_staff_member_id",
                table: "cpd_attendances",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_cpd_budgets_budget_holder_id",
                table: "cpd_budgets",
                column: "budget_holder_id");

            migrationBuilder.CreateIndex(
                name: "ix_cpd_budgets_school_id_year",
                table: "cpd_budgets",
                columns: new[] { "school_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cpd_evaluations_attendance_id",
                table: "cpd_evaluations",
                column: "attendance_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cpd_requests_activity_id",
                table: "cpd_requests",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_cpd_requests_objective_id",
                table: "cpd_requests",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_cpd_requests_school_id_status",
                table: "cpd_requests",
                columns: new[] { "school_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cpd_requests_staff_member_id",
                table: "cpd_requests",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_own_qualifications_school_id_code",
                table: "own_qualifications",
                columns: new[] { "school_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_own_qualifications_trust_id_code",
                table: "own_qualifications",
                columns: new[] { "trust_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pay_records_staff_member_id_year",
                table: "pay_records",
                columns: new[] { "staff_member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_qualifications_required_by",
                table: "person_qualifications",
                column: "required_by");

            migrationBuilder.CreateIndex(
                name: "ix_person_qualifications_staff_member_id_qualification_code",
                table: "person_qualifications",
                columns: new[] { "staff_member_id", "qualification_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_school_hours_school_id",
                table: "staff_school_hours",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_school_hours_staff_member_id_school_id",
                table: "staff_school_hours",
                columns: new[] { "staff_member_id", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_standard_assessments_objective_id",
                table: "standard_assessments",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_standard_assessments_staff_member_id_set_code_standard_code_by_recorded_at",
                table: "standard_assessments",
                columns: new[] { "staff_member_id", "set_code", "standard_code", "by", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_standard_sets_school_id_code",
                table: "standard_sets",
                columns: new[] { "school_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_standard_sets_trust_id_code",
                table: "standard_sets",
                columns: new[] { "trust_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_standards_set_id_code",
                table: "standards",
                columns: new[] { "set_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "career_steps");

            migrationBuilder.DropTable(
                name: "cpd_budgets");

            migrationBuilder.DropTable(
                name: "cpd_evaluations");

            migrationBuilder.DropTable(
                name: "cpd_requests");

            migrationBuilder.DropTable(
                name: "own_qualifications");

            migrationBuilder.DropTable(
                name: "pay_records");

            migrationBuilder.DropTable(
                name: "person_qualifications");

            migrationBuilder.DropTable(
                name: "staff_school_hours");

            migrationBuilder.DropTable(
                name: "standard_assessments");

            migrationBuilder.DropTable(
                name: "standards");

            migrationBuilder.DropTable(
                name: "cpd_attendances");

            migrationBuilder.DropTable(
                name: "standard_sets");

            migrationBuilder.DropTable(
                name: "cpd_activities");
        }
    }
}
