using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Sourcing.Risk.Data;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// The Hangfire jobs. Each carries its tenant explicitly as an argument; each is safe to run twice
/// and concurrently (a tenant's recompute serialises on an advisory lock and writes the same
/// result again; alerts are unique per subject and kind).
/// </summary>
public sealed partial class RecomputeJobs(IServiceScopeFactory scopes, IBackgroundJobClient jobs, ILogger<RecomputeJobs> logger)
{
    public const string RecurringRecomputeId = "risk-recompute-all-tenants";
    public const string RecurringRetentionId = "risk-score-history-retention";

    /// <summary>Fans out: one recompute job per tenant.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task RecomputeAllTenants(PerformContext? context)
    {
        var tenants = await TenantIdsAsync();
        foreach (var tenantId in tenants)
        {
            jobs.Enqueue<RecomputeJobs>(j => j.RecomputeTenant(tenantId, "scheduled", null));
        }

        context?.SetJobParameter("progress", $"{tenants.Count} tenant job(s) enqueued");
        LogFanOut(logger, tenants.Count);
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RecomputeTenant(Guid tenantId, string reason, PerformContext? context)
    {
        await using var scope = scopes.CreateAsyncScope();
        var recompute = scope.ServiceProvider.GetRequiredService<TenantRecompute>();
        var outcome = await recompute.RunAsync(tenantId, CancellationToken.None);
        if (outcome is null)
        {
            context?.SetJobParameter("progress", "tenant unknown: nothing to do");
            return;
        }

        context?.SetJobParameter("progress", $"{outcome.Engagements} engagement(s), {outcome.Changed} changed, {outcome.AlertsRaised} alert(s) raised, {outcome.AlertsResolved} resolved");
        LogRecomputed(logger, tenantId, reason, outcome.Engagements, outcome.Changed, outcome.AlertsRaised, outcome.AlertsResolved, outcome.Elapsed.TotalMilliseconds);
    }

    /// <summary>Keeps the last point of each day for points older than 30 days; finer points go.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task PruneHistory(PerformContext? context)
    {
        var tenants = await TenantIdsAsync();
        var pruned = 0;
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Sourcing.ServiceDefaults.Tenancy.ITenantContext>().Set(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<RiskDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            pruned += await db.Database.ExecuteSqlAsync($"""
                DELETE FROM score_history h
                WHERE h.tenant_id = {tenantId} AND h.computed_at < now() - interval '30 days'
                  AND EXISTS (SELECT 1 FROM score_history l
                              WHERE l.tenant_id = h.tenant_id AND l.engagement_id = h.engagement_id
                                AND (l.computed_at AT TIME ZONE 'UTC')::date = (h.computed_at AT TIME ZONE 'UTC')::date
                                AND l.computed_at > h.computed_at)
                """);
            await transaction.CommitAsync();
        }

        context?.SetJobParameter("progress", $"{pruned} point(s) pruned over {tenants.Count} tenant(s)");
    }

    private async Task<List<Guid>> TenantIdsAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskDb>();
        return await db.TenantDirectory.Select(t => t.Id).ToListAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recompute fanned out to {Count} tenant(s)")]
    private static partial void LogFanOut(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recomputed tenant {TenantId} ({Reason}): {Engagements} engagements, {Changed} changed, {Raised} alerts raised, {Resolved} resolved in {Milliseconds} ms")]
    private static partial void LogRecomputed(ILogger logger, Guid tenantId, string reason, int engagements, int changed, int raised, int resolved, double milliseconds);
}
