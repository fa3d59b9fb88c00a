using Microsoft.EntityFrameworkCore;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.Sla.Definitions;
using Sourcing.Sla.Engagements;
using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Data;

/// <summary>The SLA service's unit of work: known engagements, SLA definitions and their versions, measurements.</summary>
public sealed class SlaDb(DbContextOptions<SlaDb> options, ITenantContext tenant)
    : DbContext(options), IOutboxDbContext, ITenantDbContext
{
    public DbSet<KnownEngagement> Engagements => Set<KnownEngagement>();

    public DbSet<SlaDefinition> Slas => Set<SlaDefinition>();

    public DbSet<SlaVersion> SlaVersions => Set<SlaVersion>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SlaDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}
