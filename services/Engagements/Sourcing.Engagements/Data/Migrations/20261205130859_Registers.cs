using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Engagements.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "register_branches",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    head_office_lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_branches", x => new { x.tenant_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "register_engagement_facts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    arrangement_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    overarching_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    entity_lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    branch_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ict_service_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    provider_notice_period_days = table.Column<int>(type: "integer", nullable: true),
                    governing_law_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    reliance = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    substitutability = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    non_substitutability_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    exit_plan = table.Column<bool>(type: "boolean", nullable: true),
                    reintegration = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    discontinuing_impact = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    alternatives_identified = table.Column<bool>(type: "boolean", nullable: true),
                    alternative_providers = table.Column<List<string>>(type: "text[]", nullable: false),
                    last_risk_assessment = table.Column<DateOnly>(type: "date", nullable: true),
                    last_audit = table.Column<DateOnly>(type: "date", nullable: true),
                    functions = table.Column<string>(type: "jsonb", nullable: false),
                    chain = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_engagement_facts", x => new { x.tenant_id, x.engagement_id });
                });

            migrationBuilder.CreateTable(
                name: "register_entities",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    hierarchy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    parent_lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    total_assets = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    integrated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deleted_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_entities", x => new { x.tenant_id, x.lei });
                });

            migrationBuilder.CreateTable(
                name: "register_provider_facts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    other_code_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    person_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ultimate_parent_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ultimate_parent_code_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    intra_group = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_provider_facts", x => new { x.tenant_id, x.provider_id });
                });

            migrationBuilder.CreateTable(
                name: "register_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporting_entity_lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    competent_authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    consolidation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    declared_filing_indicators = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_settings", x => x.tenant_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "register_branches");

            migrationBuilder.DropTable(
                name: "register_engagement_facts");

            migrationBuilder.DropTable(
                name: "register_entities");

            migrationBuilder.DropTable(
                name: "register_provider_facts");

            migrationBuilder.DropTable(
                name: "register_settings");
        }
    }
}
