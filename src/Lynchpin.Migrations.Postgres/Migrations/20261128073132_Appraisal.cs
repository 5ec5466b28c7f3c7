using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lynchpin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Appraisal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "pay_access",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "appraisal_cycles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    objectives_due = table.Column<DateOnly>(type: "date", nullable: false),
                    mid_year_due = table.Column<DateOnly>(type: "date", nullable: false),
                    final_due = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    opened_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraisal_cycles", x => x.id);
                    table.ForeignKey(
                        name: "fk_appraisal_cycles_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    staff_member_id = table.Column<int>(type: "integer", nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appraisals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cycle_id = table.Column<int>(type: "integer", nullable: false),
                    staff_member_id = table.Column<int>(type: "integer", nullable: false),
                    appraiser_id = table.Column<int>(type: "integer", nullable: true),
                    reviewer_id = table.Column<int>(type: "integer", nullable: true),
                    objectives_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agreed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    not_agreed_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    objectives_reopened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    objectives_reopened_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    objectives_reopen_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraisals", x => x.id);
                    table.ForeignKey(
                        name: "fk_appraisals_appraisal_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "appraisal_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_appraisals_staff_members_appraiser_id",
                        column: x => x.appraiser_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_appraisals_staff_members_reviewer_id",
                        column: x => x.reviewer_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_appraisals_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appraisal_reviews",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appraisal_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    appraiser_comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    appraisee_comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    overall_comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    reflection = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    appraiser_signed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    appraiser_signed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    appraisee_signed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reopened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reopened_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reopen_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraisal_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_appraisal_reviews_appraisals_appraisal_id",
                        column: x => x.appraisal_id,
                        principalTable: "appraisals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "objectives",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appraisal_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    success_criteria = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    school_priority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    pupil_group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    measure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    baseline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objectives", x => x.id);
                    table.ForeignKey(
                        name: "fk_objectives_appraisals_appraisal_id",
                        column: x => x.appraisal_id,
                        principalTable: "appraisals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pay_recommendations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appraisal_id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "text", nullable: true),
                    recorded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pay_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_pay_recommendations_appraisals_appraisal_id",
                        column: x => x.appraisal_id,
                        principalTable: "appraisals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    review_id = table.Column<int>(type: "integer", nullable: false),
                    objective_id = table.Column<int>(type: "integer", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    stored_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: true),
                    link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_appraisal_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "appraisal_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evidence_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "objective_ratings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    review_id = table.Column<int>(type: "integer", nullable: false),
                    objective_id = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objective_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_objective_ratings_appraisal_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "appraisal_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_objective_ratings_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "support_plans",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    objective_id = table.Column<int>(type: "integer", nullable: false),
                    actions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    coach_id = table.Column<int>(type: "integer", nullable: true),
                    review_by = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_plans_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_support_plans_staff_members_coach_id",
                        column: x => x.coach_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appraisal_cycles_school_id_year",
                table: "appraisal_cycles",
                columns: new[] { "school_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appraisal_reviews_current",
                table: "appraisal_reviews",
                columns: new[] { "appraisal_id", "kind" },
                unique: true,
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ix_appraisals_appraiser_id",
                table: "appraisals",
                column: "appraiser_id");

            migrationBuilder.CreateIndex(
                name: "ix_appraisals_cycle_id_staff_member_id",
                table: "appraisals",
                columns: new[] { "cycle_id", "staff_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appraisals_reviewer_id",
                table: "appraisals",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_appraisals_staff_member_id",
                table: "appraisals",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_at",
                table: "audit_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_staff_member_id_at",
                table: "audit_events",
                columns: new[] { "staff_member_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_objective_id",
                table: "evidence",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_review_id",
                table: "evidence",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_stored_name",
                table: "evidence",
                column: "stored_name");

            migrationBuilder.CreateIndex(
                name: "ix_objective_ratings_objective_id",
                table: "objective_ratings",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_objective_ratings_review_id_objective_id",
                table: "objective_ratings",
                columns: new[] { "review_id", "objective_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_objectives_appraisal_id_type",
                table: "objectives",
                columns: new[] { "appraisal_id", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_pay_recommendations_appraisal_id",
                table: "pay_recommendations",
                column: "appraisal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_coach_id",
                table: "support_plans",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_objective_id",
                table: "support_plans",
                column: "objective_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "objective_ratings");

            migrationBuilder.DropTable(
                name: "pay_recommendations");

            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropTable(
                name: "appraisal_reviews");

            migrationBuilder.DropTable(
                name: "objectives");

            migrationBuilder.DropTable(
                name: "appraisals");

            migrationBuilder.DropTable(
                name: "appraisal_cycles");

            migrationBuilder.DropColumn(
                name: "pay_access",
                table: "AspNetUsers");
        }
    }
}
