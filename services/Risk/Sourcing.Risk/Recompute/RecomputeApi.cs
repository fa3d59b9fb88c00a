using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Risk.Data;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Recompute;

/// <summary>Lets a tenant admin ask for a recompute of the tenant's scores now (the same job the events and the schedule run).</summary>
public static class RecomputeApi
{
    public static void MapRecomputeApi(this WebApplication app)
    {
        app.MapGroup("/api/risk/recompute")
            .WithTags("Scores")
            .RequireAuthorization(Policies.Admin)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>()
            .MapPost("/", Request)
            .WithName("RequestRecompute")
            .WithSummary("Queues a recompute of the tenant's scores and alerts; answers 202 at once.");
    }

    private static async Task<Accepted> Request(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs, HttpContext http, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        await RecomputeRequests.MarkPendingAsync(db, tenantId, cancellationToken);
        http.Response.OnCompleted(() =>
        {
            RecomputeRequests.Enqueue(jobs, tenantId, "requested");
            return Task.CompletedTask;
        });
        return TypedResults.Accepted((string?)null);
    }
}
