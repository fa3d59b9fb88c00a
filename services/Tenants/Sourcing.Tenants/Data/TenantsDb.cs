using Microsoft.EntityFrameworkCore;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.Tenants.ApiClients;
using Sourcing.Tenants.Audit;
using Sourcing.Tenants.Invitations;
using Sourcing.Tenants.Members;
using Sourcing.Tenants.Settings;

namespace Sourcing.Tenants.Data;

/// <summary>The tenants service's unit of work: tenants and their settings, members, invitations, API clients, and the tenant-wide audit trail.</summary>
public sealed class TenantsDb(DbContextOptions<TenantsDb> options, ITenantContext tenant)
    : DbContext(options), IOutboxDbContext, ITenantDbContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TenantsDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}
