using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sourcing.Risk.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    severity = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    baseline = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "captive_centres",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_entity = table.Column<string>(type: "text", nullable: false),
                    country = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    annual_operating_cost = table.Column<decimal>(type: "numeric", nullable: true),
                    currency = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_captive_centres", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "country_overrides",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country = table.Column<string>(type: "text", nullable: false),
                    political_stability = table.Column<decimal>(type: "numeric", nullable: true),
                    currency_risk = table.Column<decimal>(type: "numeric", nullable: true),
                    communication_risk = table.Column<decimal>(type: "numeric", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_country_overrides", x => new { x.tenant_id, x.country });
                });

            migrationBuilder.CreateTable(
                name: "engagement_scores",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quality = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    dependency = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    geopolitical = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    composite = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    band = table.Column<string>(type: "text", nullable: true),
                    cost = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    breakdown = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_scores", x => new { x.tenant_id, x.engagement_id });
                });

            migrationBuilder.CreateTable(
                name: "engagements",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    source_kind = table.Column<string>(type: "text", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: true),
                    captive_centre_id = table.Column<Guid>(type: "uuid", nullable: true),
                    business_process = table.Column<string>(type: "text", nullable: false),
                    delivery_country = table.Column<string>(type: "text", nullable: false),
                    delivery_time_zone = table.Column<string>(type: "text", nullable: false),
                    delivery_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    place_of_work = table.Column<string>(type: "text", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    core = table.Column<bool>(type: "boolean", nullable: false),
                    data_sensitivity = table.Column<List<string>>(type: "text[]", nullable: false),
                    criticality = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    location_grade = table.Column<string>(type: "text", nullable: false),
                    contract = table.Column<string>(type: "jsonb", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagements", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    currency = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_rates", x => new { x.currency, x.date });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pending_recomputes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_recomputes", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "providers",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_name = table.Column<string>(type: "text", nullable: false),
                    hq_country = table.Column<string>(type: "text", nullable: false),
                    certifications = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_providers", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "reference_countries",
                columns: table => new
                {
                    iso3 = table.Column<string>(type: "text", nullable: false),
                    iso2 = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    political_stability = table.Column<decimal>(type: "numeric", nullable: true),
                    lower90 = table.Column<decimal>(type: "numeric", nullable: true),
                    upper90 = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_countries", x => x.iso3);
                });

            migrationBuilder.CreateTable(
                name: "reference_data_versions",
                columns: table => new
                {
                    name = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_data_versions", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "score_history",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    quality = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    dependency = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    geopolitical = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    composite = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    band = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_history", x => new { x.tenant_id, x.engagement_id, x.computed_at });
                });

            migrationBuilder.CreateTable(
                name: "sla_results",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sla_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<decimal>(type: "numeric", nullable: false),
                    target = table.Column<decimal>(type: "numeric", nullable: false),
                    met = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_results", x => new { x.tenant_id, x.sla_id, x.period_start });
                });

            migrationBuilder.CreateTable(
                name: "slas",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    metric = table.Column<string>(type: "text", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<decimal>(type: "numeric", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_slas", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "tenant_directory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_directory", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    settings = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_tenant_id_status_raised_at",
                table: "alerts",
                columns: new[] { "tenant_id", "status", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ux_alerts_one_unresolved_per_subject_and_kind",
                table: "alerts",
                columns: new[] { "tenant_id", "subject", "kind" },
                unique: true,
                filter: "status <> 'resolved'");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_tenant_id_provider_id",
                table: "engagements",
                columns: new[] { "tenant_id", "provider_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reference_countries_iso2",
                table: "reference_countries",
                column: "iso2");

            migrationBuilder.CreateIndex(
                name: "ix_sla_results_tenant_id_engagement_id_period_end",
                table: "sla_results",
                columns: new[] { "tenant_id", "engagement_id", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_slas_tenant_id_engagement_id",
                table: "slas",
                columns: new[] { "tenant_id", "engagement_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "captive_centres");

            migrationBuilder.DropTable(
                name: "country_overrides");

            migrationBuilder.DropTable(
                name: "engagement_scores");

            migrationBuilder.DropTable(
                name: "engagements");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pending_recomputes");

            migrationBuilder.DropTable(
                name: "providers");

            migrationBuilder.DropTable(
                name: "reference_countries");

            migrationBuilder.DropTable(
                name: "reference_data_versions");

            migrationBuilder.DropTable(
                name: "score_history");

            migrationBuilder.DropTable(
                name: "sla_results");

            migrationBuilder.DropTable(
                name: "slas");

            migrationBuilder.DropTable(
                name: "tenant_directory");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
