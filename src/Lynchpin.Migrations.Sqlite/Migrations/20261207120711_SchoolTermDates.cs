using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchoolTermDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "school_term_dates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_term_dates", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_term_dates_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_school_term_dates_school_id_start",
                table: "school_term_dates",
                columns: new[] { "school_id", "start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "school_term_dates");
        }
    }
}
