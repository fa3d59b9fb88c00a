using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sourcing.Engagements.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    old_value = table.Column<string>(type: "text", nullable: true),
                    new_value = table.Column<string>(type: "text", nullable: true),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "captive_centres",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_entity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ownership_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    shared_control = table.Column<bool>(type: "boolean", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    functions = table.Column<List<string>>(type: "text[]", nullable: false),
                    annual_operating_cost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_captive_centres", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    dry_run = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    phase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    processed_rows = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    started_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => new { x.tenant_id, x.id });
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
                name: "providers",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hq_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    delivery_countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    certifications = table.Column<string>(type: "jsonb", nullable: false),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    lei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    subcontractors = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_providers", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hq_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reporting_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    working_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    check_not_advisable_to_offshore = table.Column<bool>(type: "boolean", nullable: false),
                    check_sensitive_data_in_high_risk_country = table.Column<bool>(type: "boolean", nullable: false),
                    check_sensitive_data_without_certification = table.Column<bool>(type: "boolean", nullable: false),
                    check_single_sourced_critical_process = table.Column<bool>(type: "boolean", nullable: false),
                    check_core_process_outsourced = table.Column<bool>(type: "boolean", nullable: false),
                    check_not_monitored = table.Column<bool>(type: "boolean", nullable: false),
                    not_to_offshore_processes = table.Column<List<string>>(type: "text[]", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "engagements",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: true),
                    captive_centre_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    business_process = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    delivery_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    delivery_site = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivery_time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    delivery_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    place_of_work = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    core = table.Column<bool>(type: "boolean", nullable: false),
                    data_sensitivity = table.Column<List<string>>(type: "text[]", nullable: false),
                    criticality = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    contract_start = table.Column<DateOnly>(type: "date", nullable: true),
                    contract_end = table.Column<DateOnly>(type: "date", nullable: true),
                    notice_period_days = table.Column<int>(type: "integer", nullable: true),
                    auto_renewal = table.Column<bool>(type: "boolean", nullable: true),
                    pricing_model = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    annual_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    service_credit_terms = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    business_functions = table.Column<List<string>>(type: "text[]", nullable: false),
                    data_storage_countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    data_processing_countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    classification_kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    classification_label = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    location_grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    classification_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagements", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_engagements_captive_centres_tenant_id_captive_centre_id",
                        columns: x => new { x.tenant_id, x.captive_centre_id },
                        principalTable: "captive_centres",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_engagements_providers_tenant_id_provider_id",
                        columns: x => new { x.tenant_id, x.provider_id },
                        principalTable: "providers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id_subject_id_changed_at",
                table: "audit_entries",
                columns: new[] { "tenant_id", "subject_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_tenant_id_captive_centre_id",
                table: "engagements",
                columns: new[] { "tenant_id", "captive_centre_id" });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_tenant_id_provider_id",
                table: "engagements",
                columns: new[] { "tenant_id", "provider_id" });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_tenant_id_status_business_process",
                table: "engagements",
                columns: new[] { "tenant_id", "status", "business_process" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_providers_tenant_id_legal_name",
                table: "providers",
                columns: new[] { "tenant_id", "legal_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "engagements");

            migrationBuilder.DropTable(
                name: "import_jobs");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "tenants");

            migrationBuilder.DropTable(
                name: "captive_centres");

            migrationBuilder.DropTable(
                name: "providers");
        }
    }
}
