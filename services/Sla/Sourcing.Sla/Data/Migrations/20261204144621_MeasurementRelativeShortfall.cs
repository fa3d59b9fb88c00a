using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Sla.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeasurementRelativeShortfall : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "relative_shortfall",
                table: "measurements",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            // Measurements recorded before the shortfall was stored: a one-time conversion, in SQL
            // because a migration cannot call the service's code. From now on SlaRules.RelativeShortfall
            // computes it at ingestion and nothing else does.
            migrationBuilder.Sql(
                """
                UPDATE measurements
                SET relative_shortfall = CASE WHEN met THEN 0 WHEN target = 0 THEN 1 ELSE least(1, abs(target - value) / abs(target)) END
                WHERE NOT met
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "relative_shortfall",
                table: "measurements");
        }
    }
}
