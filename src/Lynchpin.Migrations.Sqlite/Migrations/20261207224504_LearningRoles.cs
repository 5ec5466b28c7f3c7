using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearningRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_role_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    coach_stage = table.Column<int>(type: "INTEGER", nullable: false),
                    facilitator_stage = table.Column<int>(type: "INTEGER", nullable: false),
                    lead_stages_above = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_role_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_learning_role_settings_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_roles",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    criterion_stage = table.Column<int>(type: "INTEGER", nullable: true),
                    criterion_role_family = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    criterion_text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    given_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    given_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_learning_roles_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_learning_roles_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_learning_role_settings_school_id",
                table: "learning_role_settings",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_learning_roles_school_id_kind",
                table: "learning_roles",
                columns: new[] { "school_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_learning_roles_staff_member_id",
                table: "learning_roles",
                column: "staff_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_role_settings");

            migrationBuilder.DropTable(
                name: "learning_roles");
        }
    }
}
