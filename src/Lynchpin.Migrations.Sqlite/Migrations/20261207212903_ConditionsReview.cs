using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConditionsReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conditions_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    revised_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revised_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    target = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    actions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conditions_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_conditions_entries_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conditions_entries_school_id_year_indicator",
                table: "conditions_entries",
                columns: new[] { "school_id", "year", "indicator" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conditions_entries");
        }
    }
}
