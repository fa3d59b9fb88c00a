using Microsoft.EntityFrameworkCore;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Digests;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scores;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Data;

/// <summary>The risk service's unit of work: the read model, reference data, scores, alerts, overrides.</summary>
public sealed class RiskDb(DbContextOptions<RiskDb> options, ITenantContext tenant)
    : DbContext(options), IOutboxDbContext, IEmailOutboxDbContext, ITenantDbContext
{
    public DbSet<RiskTenant> Tenants => Set<RiskTenant>();

    public DbSet<TenantDirectoryEntry> TenantDirectory => Set<TenantDirectoryEntry>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<CaptiveCentre> CaptiveCentres => Set<CaptiveCentre>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<Sla> Slas => Set<Sla>();

    public DbSet<SlaResult> SlaResults => Set<SlaResult>();

    public DbSet<EngagementScore> Scores => Set<EngagementScore>();

    public DbSet<ScoreHistoryPoint> ScoreHistory => Set<ScoreHistoryPoint>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<CountryOverride> CountryOverrides => Set<CountryOverride>();

    public DbSet<PendingRecompute> PendingRecomputes => Set<PendingRecompute>();

    public DbSet<RecomputeRecord> RecomputeRecords => Set<RecomputeRecord>();

    public DbSet<ReferenceCountry> ReferenceCountries => Set<ReferenceCountry>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();

    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    public DbSet<AlertMail> AlertMails => Set<AlertMail>();

    public DbSet<AlertMailWindow> AlertMailWindows => Set<AlertMailWindow>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        RiskModel.Configure(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddEmailOutbox();
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}
