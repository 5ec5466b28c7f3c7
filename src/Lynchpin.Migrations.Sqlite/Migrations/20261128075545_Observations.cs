using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Observations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "blocked_dates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blocked_dates", x => x.id);
                    table.ForeignKey(
                        name: "fk_blocked_dates_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feed_tokens",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    token = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feed_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_calendar_feed_tokens_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "observation_rotas",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    max_visits_per_observee = table.Column<int>(type: "INTEGER", nullable: false),
                    max_observers_per_lesson = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    objective = table.Column<long>(type: "INTEGER", nullable: false),
                    best_bound = table.Column<long>(type: "INTEGER", nullable: false),
                    gap = table.Column<double>(type: "REAL", nullable: false),
                    solve_time = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    messages = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_rotas", x => x.id);
                    table.ForeignKey(
                        name: "fk_observation_rotas_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "observation_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    share_slt_records = table.Column<bool>(type: "INTEGER", nullable: false),
                    share_middle_leader_records = table.Column<bool>(type: "INTEGER", nullable: false),
                    share_teacher_records = table.Column<bool>(type: "INTEGER", nullable: false),
                    share_pastoral_records = table.Column<bool>(type: "INTEGER", nullable: false),
                    share_support_records = table.Column<bool>(type: "INTEGER", nullable: false),
                    record_judgements = table.Column<bool>(type: "INTEGER", nullable: false),
                    max_observers_per_lesson = table.Column<int>(type: "INTEGER", nullable: false),
                    max_visits_per_observee = table.Column<int>(type: "INTEGER", nullable: false),
                    learning_walk_questions = table.Column<string>(type: "TEXT", nullable: false),
                    lesson_observation_questions = table.Column<string>(type: "TEXT", nullable: false),
                    drop_in_questions = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_observation_settings_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rota_observers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    visits = table.Column<int>(type: "INTEGER", nullable: false),
                    focus_year_group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rota_observers", x => x.id);
                    table.ForeignKey(
                        name: "fk_rota_observers_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rota_observers_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_calendar_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    week_a_starts = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_calendar_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_calendar_settings_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_duties",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    week = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_duties", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_duties_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_duties_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timetable_rows",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    week = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 50, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    year_group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    room = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timetable_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_timetable_rows_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_timetable_rows_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rota_visits",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    rota_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    week = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    observer_id = table.Column<int>(type: "INTEGER", nullable: false),
                    observer_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    observee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 50, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    year_group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    room = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    changed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rota_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_rota_visits_observation_rotas_rota_id",
                        column: x => x.rota_id,
                        principalTable: "observation_rotas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rota_visits_staff_members_observee_id",
                        column: x => x.observee_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rota_visits_staff_members_observer_id",
                        column: x => x.observer_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "observation_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    visit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    observer_id = table.Column<int>(type: "INTEGER", nullable: false),
                    observer_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    observee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    time_from = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    time_to = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    year_group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    questions = table.Column<string>(type: "TEXT", nullable: false),
                    answers = table.Column<string>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    judgement = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    shared_with_observee = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_observation_records_rota_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "rota_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_observation_records_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_observation_records_staff_members_observee_id",
                        column: x => x.observee_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_observation_records_staff_members_observer_id",
                        column: x => x.observer_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_blocked_dates_school_id_date",
                table: "blocked_dates",
                columns: new[] { "school_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feed_tokens_staff_member_id",
                table: "calendar_feed_tokens",
                column: "staff_member_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feed_tokens_token",
                table: "calendar_feed_tokens",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_observation_records_observee_id",
                table: "observation_records",
                column: "observee_id");

            migrationBuilder.CreateIndex(
                name: "ix_observation_records_observer_id",
                table: "observation_records",
                column: "observer_id");

            migrationBuilder.CreateIndex(
                name: "ix_observation_records_school_id_date_observee_id_observer_kind",
                table: "observation_records",
                columns: new[] { "school_id", "date", "observee_id", "observer_kind" });

            migrationBuilder.CreateIndex(
                name: "ix_observation_records_visit_id",
                table: "observation_records",
                column: "visit_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_observation_rotas_school_id_from",
                table: "observation_rotas",
                columns: new[] { "school_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_observation_settings_school_id",
                table: "observation_settings",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rota_observers_school_id_staff_member_id",
                table: "rota_observers",
                columns: new[] { "school_id", "staff_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rota_observers_staff_member_id",
                table: "rota_observers",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_rota_visits_observee_id_date",
                table: "rota_visits",
                columns: new[] { "observee_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_rota_visits_observer_id_date",
                table: "rota_visits",
                columns: new[] { "observer_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_rota_visits_rota_id_date",
                table: "rota_visits",
                columns: new[] { "rota_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_school_calendar_settings_school_id",
                table: "school_calendar_settings",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_duties_school_id",
                table: "staff_duties",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_duties_staff_member_id",
                table: "staff_duties",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_timetable_rows_school_id_day_period",
                table: "timetable_rows",
                columns: new[] { "school_id", "day", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_timetable_rows_staff_member_id",
                table: "timetable_rows",
                column: "staff_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blocked_dates");

            migrationBuilder.DropTable(
                name: "calendar_feed_tokens");

            migrationBuilder.DropTable(
                name: "observation_records");

            migrationBuilder.DropTable(
                name: "observation_settings");

            migrationBuilder.DropTable(
                name: "rota_observers");

            migrationBuilder.DropTable(
                name: "school_calendar_settings");

            migrationBuilder.DropTable(
                name: "staff_duties");

            migrationBuilder.DropTable(
                name: "timetable_rows");

            migrationBuilder.DropTable(
                name: "rota_visits");

            migrationBuilder.DropTable(
                name: "observation_rotas");
        }
    }
}
