using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lynchpin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DataVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "data_version",
                table: "schools",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "data_versions",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_versions", x => x.name);
                });

            migrationBuilder.InsertData(
                table: "data_versions",
                columns: new[] { "name", "version" },
                values: new object[] { "structure", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_staff_member_id",
                table: "assessments",
                column: "staff_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_versions");

            migrationBuilder.DropIndex(
                name: "ix_assessments_staff_member_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "data_version",
                table: "schools");
        }
    }
}
