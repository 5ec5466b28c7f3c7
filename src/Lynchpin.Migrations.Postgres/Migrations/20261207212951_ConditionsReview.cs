using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lynchpin.Migrations.Postgres.Migrations
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    revised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revised_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    value = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    actions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
