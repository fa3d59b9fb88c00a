using Microsoft.EntityFrameworkCore;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Digests;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scores;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Risk.Data;

/// <summary>Table mappings: every tenant table keyed tenant_id first.</summary>
internal static class RiskModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<RiskTenant>(b =>
        {
            b.ToTable("tenants");
            b.HasKey(t => t.TenantId);
            b.Property(t => t.Settings).AsJson();
        });
        model.Entity<TenantDirectoryEntry>(b =>
        {
            b.ToTable("tenant_directory");
            b.HasKey(t => t.Id);
        });
        model.Entity<Provider>(b =>
        {
            b.ToTable("providers");
            b.HasKey(p => new { p.TenantId, p.Id });
            b.Property(p => p.Certifications).AsJson();
        });
        model.Entity<CaptiveCentre>(b =>
        {
            b.ToTable("captive_centres");
            b.HasKey(c => new { c.TenantId, c.Id });
        });
        model.Entity<Engagement>(b =>
        {
            b.ToTable("engagements");
            b.HasKey(e => new { e.TenantId, e.Id });
            b.Property(e => e.Contract).AsJson();
            b.HasIndex(e => new { e.TenantId, e.ProviderId });
        });
        model.Entity<Sla>(b =>
        {
            b.ToTable("slas");
            b.HasKey(s => new { s.TenantId, s.Id });
            b.HasIndex(s => new { s.TenantId, s.EngagementId });
        });
        model.Entity<SlaResult>(b =>
        {
            b.ToTable("sla_results");
            b.HasKey(r => new { r.TenantId, r.SlaId, r.PeriodStart });
            b.HasIndex(r => new { r.TenantId, r.EngagementId, r.PeriodEnd });
        });
        model.Entity<EngagementScore>(b =>
        {
            b.ToTable("engagement_scores");
            b.HasKey(s => new { s.TenantId, s.EngagementId });
            b.Property(s => s.Breakdown).HasColumnType("jsonb");
            b.Property(s => s.Cost).HasPrecision(20, 2);
            ScoreColumns(b.Property(s => s.Quality), b.Property(s => s.Dependency), b.Property(s => s.Geopolitical), b.Property(s => s.Composite));
        });
        model.Entity<ScoreHistoryPoint>(b =>
        {
            b.ToTable("score_history");
            b.HasKey(s => new { s.TenantId, s.EngagementId, s.ComputedAt });
            ScoreColumns(b.Property(s => s.Quality), b.Property(s => s.Dependency), b.Property(s => s.Geopolitical), b.Property(s => s.Composite));
        });
        model.Entity<Alert>(b =>
        {
            b.ToTable("alerts");
            b.HasKey(a => new { a.TenantId, a.Id });
            b.HasIndex(a => new { a.TenantId, a.Subject, a.Kind })
                .IsUnique()
                .HasFilter("status <> 'resolved'")
                .HasDatabaseName("ux_alerts_one_unresolved_per_subject_and_kind");
            b.HasIndex(a => new { a.TenantId, a.Status, a.RaisedAt });
            b.HasIndex(a => new { a.TenantId, a.AssigneeUserId }).HasFilter("assignee_user_id IS NOT NULL");
        });
        model.Entity<CountryOverride>(b =>
        {
            b.ToTable("country_overrides");
            b.HasKey(o => new { o.TenantId, o.Country });
        });
        model.Entity<PendingRecompute>(b =>
        {
            b.ToTable("pending_recomputes");
            b.HasKey(p => p.TenantId);
        });
        model.Entity<RecomputeRecord>(b =>
        {
            b.ToTable("tenant_recomputes");
            b.HasKey(r => r.TenantId);
        });
        model.Entity<ReferenceCountry>(b =>
        {
            b.ToTable("reference_countries");
            b.HasKey(c => c.Iso3);
            b.HasIndex(c => c.Iso2);
        });
        model.Entity<ExchangeRate>(b =>
        {
            b.ToTable("exchange_rates");
            b.HasKey(r => new { r.Currency, r.Date });
            b.Property(r => r.Rate).HasPrecision(18, 6);
        });
        model.Entity<Member>(b =>
        {
            b.ToTable("members");
            b.HasKey(m => new { m.TenantId, m.UserId });
        });
        model.Entity<DigestSubscription>(b =>
        {
            b.ToTable("digest_subscriptions");
            b.HasKey(s => new { s.TenantId, s.Id });
            b.HasIndex(s => new { s.TenantId, s.UserId }).IsUnique();
            b.HasIndex(s => new { s.TenantId, s.NextDueAt });
            b.Property(s => s.Frequency).HasMaxLength(16);
            b.Property(s => s.TimeZone).HasMaxLength(64);
            b.Property(s => s.MinBand).HasMaxLength(16);
            b.Property(s => s.Scope).HasMaxLength(16);
        });
        model.Entity<DigestDelivery>(b =>
        {
            b.ToTable("digest_deliveries");
            b.HasKey(d => new { d.TenantId, d.SubscriptionId, d.PeriodEnd });
            b.Property(d => d.Counts).AsJson();
            b.HasIndex(d => d.EmailId);
        });
        model.Entity<AlertMail>(b =>
        {
            b.ToTable("alert_mails");
            b.HasKey(m => new { m.TenantId, m.AlertId });
            b.HasIndex(m => new { m.TenantId, m.RaisedAt }).HasFilter("mailed_at IS NULL");
        });
        model.Entity<AlertMailWindow>(b =>
        {
            b.ToTable("alert_mail_windows");
            b.HasKey(w => w.Id);
            b.Property(w => w.Id).ValueGeneratedNever();
        });
        model.Entity<ReferenceDataVersion>(b =>
        {
            b.ToTable("reference_data_versions");
            b.HasKey(v => v.Name);
        });
    }

    private static void ScoreColumns(params Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<decimal?>[] properties)
    {
        foreach (var property in properties)
        {
            property.HasPrecision(5, 2);
        }
    }
}
