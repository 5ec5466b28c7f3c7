using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProfessionalConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "professional_conversations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    revised_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revised_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    line_manager_id = table.Column<int>(type: "INTEGER", nullable: true),
                    coach_id = table.Column<int>(type: "INTEGER", nullable: true),
                    criterion_id = table.Column<int>(type: "INTEGER", nullable: true),
                    objective_id = table.Column<int>(type: "INTEGER", nullable: true),
                    focus = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    agreed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    next_step = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_step_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_professional_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_professional_conversations_objectives_objective_id",
                        column: x => x.objective_id,
                        principalTable: "objectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_professional_conversations_staff_members_coach_id",
                        column: x => x.coach_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_professional_conversations_staff_members_line_manager_id",
                        column: x => x.line_manager_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_professional_conversations_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_professional_conversations_stage_criteria_criterion_id",
                        column: x => x.criterion_id,
                        principalTable: "stage_criteria",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_professional_conversations_coach_id",
                table: "professional_conversations",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_professional_conversations_criterion_id",
                table: "professional_conversations",
                column: "criterion_id");

            migrationBuilder.CreateIndex(
                name: "ix_professional_conversations_line_manager_id",
                table: "professional_conversations",
                column: "line_manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_professional_conversations_objective_id",
                table: "professional_conversations",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_professional_conversations_staff_member_id_held_on",
                table: "professional_conversations",
                columns: new[] { "staff_member_id", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "professional_conversations");
        }
    }
}
