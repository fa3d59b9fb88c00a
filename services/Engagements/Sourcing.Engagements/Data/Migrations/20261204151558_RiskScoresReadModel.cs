using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Engagements.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskScoresReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engagement_risk_scores",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quality = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    dependency = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    geopolitical = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    composite = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    band = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_risk_scores", x => new { x.tenant_id, x.engagement_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engagement_risk_scores");
        }
    }
}
