using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Tenants.Data.Migrations
{
    /// <summary>DOMAIN's score defaults become tenant settings: '{}' reads as the defaults.</summary>
    public partial class ScoreSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dependency_score",
                table: "tenants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb"); // existing tenants: DOMAIN's defaults

            migrationBuilder.AddColumn<string>(
                name: "geopolitical_weights",
                table: "tenants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb"); // existing tenants: DOMAIN's defaults

            migrationBuilder.AddColumn<string>(
                name: "quality_score",
                table: "tenants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb"); // existing tenants: DOMAIN's defaults
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dependency_score",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "geopolitical_weights",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "quality_score",
                table: "tenants");
        }
    }
}
