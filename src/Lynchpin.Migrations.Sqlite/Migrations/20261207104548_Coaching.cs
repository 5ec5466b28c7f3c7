using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Coaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "staff_member_id",
                table: "calendar_feed_tokens",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "user_id",
                table: "calendar_feed_tokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "la_code",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "action_plans",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_plans_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "caseload_schools",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    coach_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    planned_visits = table.Column<int>(type: "INTEGER", nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_caseload_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_caseload_schools_asp_net_users_coach_user_id",
                        column: x => x.coach_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_caseload_schools_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coaching_visits",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    coach_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    who_met = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    areas = table.Column<string>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    actions_agreed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    next_visit_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coaching_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_coaching_visits_asp_net_users_coach_user_id",
                        column: x => x.coach_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_coaching_visits_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "focus_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    participants = table.Column<int>(type: "INTEGER", nullable: false),
                    themes = table.Column<string>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_focus_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_focus_groups_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "impact_plans",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    first_year = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    registered_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_plans_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_authorities",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    old_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    new_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_authorities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outcome_references",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    old_la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    area_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    social_care_group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    phase = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 3, nullable: true),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_references", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pupils",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    year_group = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    entered_care_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    carer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    carer_contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    social_worker_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    social_worker_contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pupils", x => x.id);
                    table.ForeignKey(
                        name: "fk_pupils_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_coaching_contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    designated_teacher_id = table.Column<int>(type: "INTEGER", nullable: true),
                    champion_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_coaching_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_coaching_contacts_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_school_coaching_contacts_staff_members_champion_id",
                        column: x => x.champion_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_school_coaching_contacts_staff_members_designated_teacher_id",
                        column: x => x.designated_teacher_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "school_terms",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    term = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    starts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    half_term_starts = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    half_term_ends = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_terms", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_terms_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_plan_aims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_plan_aims", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_plan_aims_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    owner_id = table.Column<int>(type: "INTEGER", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_actions_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_actions_staff_members_owner_id",
                        column: x => x.owner_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "plan_reviews",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    visit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    reviewed_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_reviews_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_reviews_coaching_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "coaching_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "attainment_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scale = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    on_track = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attainment_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_attainment_records_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sessions_possible = table.Column<int>(type: "INTEGER", nullable: false),
                    sessions_attended = table.Column<int>(type: "INTEGER", nullable: false),
                    authorised = table.Column<int>(type: "INTEGER", nullable: false),
                    unauthorised = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_attendance_records_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exclusions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    days = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exclusions", x => x.id);
                    table.ForeignKey(
                        name: "fk_exclusions_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peps",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    meeting_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    social_worker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    designated_teacher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    carer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    child_attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    coach_attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    other_attendees = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    child_views = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    child_views_missing_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    needs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    attendance_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    sessions_possible = table.Column<int>(type: "INTEGER", nullable: true),
                    suspensions_this_year = table.Column<int>(type: "INTEGER", nullable: false),
                    suspension_days_this_year = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    attainment_and_progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    transition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    transition_plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    next_pep_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_peps", x => x.id);
                    table.ForeignKey(
                        name: "fk_peps_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pupil_flags",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    flag = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pupil_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_pupil_flags_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pupil_workers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pupil_workers", x => x.id);
                    table.ForeignKey(
                        name: "fk_pupil_workers_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pupil_workers_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "structured_conversations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pupil_id = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    parent_or_carer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    child_took_part = table.Column<bool>(type: "INTEGER", nullable: false),
                    explore = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    focus = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    review = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    next_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_structured_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_structured_conversations_pupils_pupil_id",
                        column: x => x.pupil_id,
                        principalTable: "pupils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pep_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pep_id = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    why = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    how = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    who = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    by_when = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    pupil_premium_plus_cost = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    achievement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    evaluation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    evaluated_at_pep_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pep_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_pep_targets_peps_pep_id",
                        column: x => x.pep_id,
                        principalTable: "peps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conversation_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    home_action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    school_action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_targets_structured_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "structured_conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feed_tokens_user_id",
                table: "calendar_feed_tokens",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_action_plan_aims_plan_id",
                table: "action_plan_aims",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_plans_school_id_year",
                table: "action_plans",
                columns: new[] { "school_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attainment_records_pupil_id_assessed_on",
                table: "attainment_records",
                columns: new[] { "pupil_id", "assessed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_attendance_records_pupil_id_period_start_period_end",
                table: "attendance_records",
                columns: new[] { "pupil_id", "period_start", "period_end" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_caseload_schools_coach_user_id_year_school_id",
                table: "caseload_schools",
                columns: new[] { "coach_user_id", "year", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_caseload_schools_school_id_year",
                table: "caseload_schools",
                columns: new[] { "school_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_coaching_visits_coach_user_id_date",
                table: "coaching_visits",
                columns: new[] { "coach_user_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_coaching_visits_school_id_year_date",
                table: "coaching_visits",
                columns: new[] { "school_id", "year", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_targets_conversation_id",
                table: "conversation_targets",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_exclusions_pupil_id_start",
                table: "exclusions",
                columns: new[] { "pupil_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_focus_groups_school_id_held_on",
                table: "focus_groups",
                columns: new[] { "school_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_impact_plans_school_id",
                table: "impact_plans",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_local_authorities_new_code",
                table: "local_authorities",
                column: "new_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_local_authorities_old_code",
                table: "local_authorities",
                column: "old_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outcome_references_figure",
                table: "outcome_references",
                columns: new[] { "year", "level", "area_code", "social_care_group", "phase", "measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pep_targets_pep_id",
                table: "pep_targets",
                column: "pep_id");

            migrationBuilder.CreateIndex(
                name: "ix_peps_pupil_id_meeting_on",
                table: "peps",
                columns: new[] { "pupil_id", "meeting_on" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_owner_id",
                table: "plan_actions",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_plan_id",
                table: "plan_actions",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_reviews_plan_id",
                table: "plan_reviews",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_reviews_visit_id",
                table: "plan_reviews",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_pupil_flags_pupil_id_flag",
                table: "pupil_flags",
                columns: new[] { "pupil_id", "flag" });

            migrationBuilder.CreateIndex(
                name: "ix_pupil_workers_pupil_id_staff_member_id",
                table: "pupil_workers",
                columns: new[] { "pupil_id", "staff_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pupil_workers_staff_member_id",
                table: "pupil_workers",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_pupils_la_code",
                table: "pupils",
                column: "la_code");

            migrationBuilder.CreateIndex(
                name: "ix_pupils_school_id_upn",
                table: "pupils",
                columns: new[] { "school_id", "upn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_coaching_contacts_champion_id",
                table: "school_coaching_contacts",
                column: "champion_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_coaching_contacts_designated_teacher_id",
                table: "school_coaching_contacts",
                column: "designated_teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_coaching_contacts_school_id",
                table: "school_coaching_contacts",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_terms_school_id_year_term",
                table: "school_terms",
                columns: new[] { "school_id", "year", "term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_structured_conversations_pupil_id_held_on",
                table: "structured_conversations",
                columns: new[] { "pupil_id", "held_on" });

            migrationBuilder.AddForeignKey(
                name: "fk_calendar_feed_tokens_users_user_id",
                table: "calendar_feed_tokens",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_calendar_feed_tokens_users_user_id",
                table: "calendar_feed_tokens");

            migrationBuilder.DropTable(
                name: "action_plan_aims");

            migrationBuilder.DropTable(
                name: "attainment_records");

            migrationBuilder.DropTable(
                name: "attendance_records");

            migrationBuilder.DropTable(
                name: "caseload_schools");

            migrationBuilder.DropTable(
                name: "conversation_targets");

            migrationBuilder.DropTable(
                name: "exclusions");

            migrationBuilder.DropTable(
                name: "focus_groups");

            migrationBuilder.DropTable(
                name: "impact_plans");

            migrationBuilder.DropTable(
                name: "local_authorities");

            migrationBuilder.DropTable(
                name: "outcome_references");

            migrationBuilder.DropTable(
                name: "pep_targets");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropTable(
                name: "plan_reviews");

            migrationBuilder.DropTable(
                name: "pupil_flags");

            migrationBuilder.DropTable(
                name: "pupil_workers");

            migrationBuilder.DropTable(
                name: "school_coaching_contacts");

            migrationBuilder.DropTable(
                name: "school_terms");

            migrationBuilder.DropTable(
                name: "structured_conversations");

            migrationBuilder.DropTable(
                name: "peps");

            migrationBuilder.DropTable(
                name: "action_plans");

            migrationBuilder.DropTable(
                name: "coaching_visits");

            migrationBuilder.DropTable(
                name: "pupils");

            migrationBuilder.DropIndex(
                name: "ix_calendar_feed_tokens_user_id",
                table: "calendar_feed_tokens");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "calendar_feed_tokens");

            migrationBuilder.DropColumn(
                name: "la_code",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<int>(
                name: "staff_member_id",
                table: "calendar_feed_tokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
