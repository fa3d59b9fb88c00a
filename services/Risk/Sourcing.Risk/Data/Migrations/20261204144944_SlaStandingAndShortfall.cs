using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Risk.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaStandingAndShortfall : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "stale_from",
                table: "slas",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "relative_shortfall",
                table: "sla_results",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            // Results received before the SLA service published the shortfall: a one-time conversion,
            // in SQL because a migration cannot call the SLA service. From now on the shortfall comes
            // only from SlaResultsRecorded. stale_from stays null (not stale) until the SLA service
            // publishes the SLA's standing with its next results or definition change.
            migrationBuilder.Sql(
                """
                UPDATE sla_results
                SET relative_shortfall = CASE WHEN target = 0 THEN 1 ELSE least(1, abs(target - value) / abs(target)) END
                WHERE NOT met
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "stale_from",
                table: "slas");

            migrationBuilder.DropColumn(
                name: "relative_shortfall",
                table: "sla_results");
        }
    }
}
