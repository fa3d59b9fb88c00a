using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.CaptiveCentres;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Findings;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Data;

/// <summary>The engagements service's unit of work: providers, captive centres, engagements, their audit trail, and its copy of the tenants.</summary>
public sealed class EngagementsDb(DbContextOptions<EngagementsDb> options, ITenantContext tenant)
    : DbContext(options), IOutboxDbContext, ITenantDbContext
{
    public DbSet<TenantProfile> Tenants => Set<TenantProfile>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<CaptiveCentre> CaptiveCentres => Set<CaptiveCentre>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<PolicyFindingsCopy> PolicyFindings => Set<PolicyFindingsCopy>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Import.ImportJob> ImportJobs => Set<Import.ImportJob>();

    public DbSet<Scores.EngagementRiskScore> RiskScores => Set<Scores.EngagementRiskScore>();

    public DbSet<Registers.RegisterEntity> RegisterEntities => Set<Registers.RegisterEntity>();

    public DbSet<Registers.RegisterBranch> RegisterBranches => Set<Registers.RegisterBranch>();

    public DbSet<Registers.RegisterSettings> RegisterSettings => Set<Registers.RegisterSettings>();

    public DbSet<Registers.ProviderRegisterFacts> ProviderRegisterFacts => Set<Registers.ProviderRegisterFacts>();

    public DbSet<Registers.EngagementRegisterFacts> EngagementRegisterFacts => Set<Registers.EngagementRegisterFacts>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngagementsDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}
