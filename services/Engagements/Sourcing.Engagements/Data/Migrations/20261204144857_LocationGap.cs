using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Engagements.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocationGap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "location_gap_hours",
                table: "engagements",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "location_gap_year",
                table: "engagements",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "location_gap_hours",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "location_gap_year",
                table: "engagements");
        }
    }
}
