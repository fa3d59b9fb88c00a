using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Resync;

/// <summary>What a resync wrote: how many tenants it went through and how many events of each type it queued.</summary>
public sealed record ResyncResponse(int Tenants, IReadOnlyDictionary<string, int> Events);

/// <summary>
/// <c>POST /api/admin/resync?tenantId=...</c> (platform admins only): an owning service writes the
/// current state of every row other services copy as the state-carrying events it already
/// publishes (new event ids) into its outbox, tenant by tenant, each tenant in its own transaction
/// with the tenant set (so row-level security applies), in batches. Consumers keep the newest
/// version and recreate a missing row, so a lost or late read model catches up and a current one
/// changes nothing. Answers 202: the events are queued, delivery follows.
/// </summary>
public static class ResyncEndpoint
{
    public const string Route = "/api/admin/resync";

    /// <summary>Rows read and events queued per SaveChanges.</summary>
    public const int BatchSize = 500;

    /// <summary>Writes one tenant's events through <see cref="ResyncWriter{TContext}"/>; runs inside the tenant's transaction.</summary>
    public delegate Task Republish<TContext>(ResyncWriter<TContext> writer, CancellationToken cancellationToken)
        where TContext : DbContext, IOutboxDbContext;

    public static RouteHandlerBuilder MapResync<TContext>(this IEndpointRouteBuilder app, Republish<TContext> republish)
        where TContext : DbContext, IOutboxDbContext =>
        app.MapPost(Route, (Guid? tenantId, IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
                RunAsync(scopes, tenantId, republish, cancellationToken))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithTags("Admin")
            .WithName("Resync")
            .WithSummary("Republishes the current state of one tenant (or every tenant) as events, for services whose copy is missing or lost; platform admins only.");

    private static async Task<Accepted<ResyncResponse>> RunAsync<TContext>(
        IServiceScopeFactory scopes, Guid? tenantId, Republish<TContext> republish, CancellationToken cancellationToken)
        where TContext : DbContext, IOutboxDbContext
    {
        var tenants = tenantId is { } one ? [one] : await KnownTenantIdsAsync<TContext>(scopes, cancellationToken);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var writer = new ResyncWriter<TContext>(db, tenant, counts);
            await republish(writer, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null, new ResyncResponse(tenants.Count, counts));
    }

    /// <summary>
    /// The tenants this service has heard of: every tenant id in its inbox or outbox (tables without
    /// row-level security; each tenant's first event, TenantRegistered or the like, leaves an inbox row).
    /// </summary>
    private static async Task<List<Guid>> KnownTenantIdsAsync<TContext>(IServiceScopeFactory scopes, CancellationToken cancellationToken)
        where TContext : DbContext, IOutboxDbContext
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.InboxMessages.Select(m => m.TenantId)
            .Union(db.OutboxMessages.Select(m => m.TenantId))
            .Where(id => id != Guid.Empty)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Queues one tenant's events in batches, counting them by type.</summary>
public sealed class ResyncWriter<TContext>(TContext db, Guid tenantId, IDictionary<string, int> counts)
    where TContext : DbContext, IOutboxDbContext
{
    public TContext Db => db;

    public Guid TenantId => tenantId;

    /// <summary>Reads <paramref name="rows"/> (ordered by a unique key) a batch at a time and queues one event per row.</summary>
    public async Task PublishAsync<TRow, TEvent>(IQueryable<TRow> rows, Func<TRow, TEvent> toEvent, CancellationToken cancellationToken)
        where TRow : class
        where TEvent : IntegrationEvent
    {
        var name = typeof(TEvent).Name;
        for (var skip = 0; ; skip += ResyncEndpoint.BatchSize)
        {
            var batch = await rows.AsNoTracking().Skip(skip).Take(ResyncEndpoint.BatchSize).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                db.AddEvent(toEvent(row));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            counts[name] = (counts.TryGetValue(name, out var count) ? count : 0) + batch.Count;
            if (batch.Count < ResyncEndpoint.BatchSize)
            {
                return;
            }
        }
    }
}
