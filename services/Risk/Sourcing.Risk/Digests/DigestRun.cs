using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scores;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Digests;

public sealed record DigestRunResult(int Tenants, int Queued, int Empty, int Conflicts);

/// <summary>
/// Queues the digests that are due. Per tenant, in batches: claims due subscriptions with
/// <c>FOR UPDATE SKIP LOCKED</c> (so concurrent runs, in one process or several, take disjoint sets),
/// and for each writes the delivery row (unique per tenant, subscription and period;
/// <c>ON CONFLICT DO NOTHING</c>), the composed e-mail in the outbox, and the subscription's next due
/// instant, all in one transaction. So a period is queued exactly once: a crash before the commit
/// leaves it due, a crash after leaves it queued; the e-mail dispatcher then sends it with back-off.
/// The tenant's data is read once per run and shared by all its subscribers' digests.
/// </summary>
public sealed partial class DigestRun(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<DigestOptions> options,
    IOptions<PortalOptions> portal,
    UnsubscribeTokens tokens,
    ILogger<DigestRun> logger)
{
    public const string RecurringId = "risk-digests-due";

    /// <summary>The recurring job; the next run is its retry.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunDueJob(PerformContext? context)
    {
        var result = await RunAsync(CancellationToken.None);
        context?.SetJobParameter("progress", $"{result.Queued} digest(s) queued, {result.Empty} empty period(s) not sent, over {result.Tenants} tenant(s)");
    }

    public async Task<DigestRunResult> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<RiskDb>().TenantDirectory.Select(t => t.Id).ToListAsync(cancellationToken);
        }

        int queued = 0, empty = 0, conflicts = 0;
        foreach (var tenantId in tenants)
        {
            var (q, e, c) = await RunTenantAsync(tenantId, cancellationToken);
            (queued, empty, conflicts) = (queued + q, empty + e, conflicts + c);
        }

        if (queued + empty > 0)
        {
            LogRun(logger, queued, empty, conflicts, tenants.Count);
        }

        return new DigestRunResult(tenants.Count, queued, empty, conflicts);
    }

    private async Task<(int Queued, int Empty, int Conflicts)> RunTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        int queued = 0, empty = 0, conflicts = 0;
        TenantSnapshot? snapshot = null;
        var snapshotSince = DateTimeOffset.MaxValue;
        for (var first = true; ; first = false)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<RiskDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            if (first)
            {
                // The dispatcher marks the outbox row; the delivery row takes the time over here, under the tenant.
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE digest_deliveries d SET sent_at = e.sent_at
                    FROM outgoing_emails e
                    WHERE d.tenant_id = {tenantId} AND d.sent_at IS NULL AND d.email_id = e.id AND e.sent_at IS NOT NULL
                    """, cancellationToken);
            }

            var due = await db.DigestSubscriptions.FromSqlInterpolated($"""
                SELECT * FROM digest_subscriptions
                WHERE tenant_id = {tenantId} AND next_due_at <= {now} AND NOT paused AND unsubscribed_at IS NULL
                ORDER BY next_due_at
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return (queued, empty, conflicts);
            }

            var since = due.Min(PeriodStart);
            if (snapshot is null || since < snapshotSince)
            {
                snapshot = await LoadAsync(db, since, cancellationToken);
                snapshotSince = since;
            }

            var ids = due.Select(s => s.Id).ToList();
            var previous = await db.DigestDeliveries
                .Where(d => ids.Contains(d.SubscriptionId))
                .GroupBy(d => d.SubscriptionId)
                .Select(g => g.OrderByDescending(d => d.PeriodEnd).First())
                .ToDictionaryAsync(d => d.SubscriptionId, d => d.Counts, cancellationToken);

            foreach (var subscription in due)
            {
                var (periodStart, periodEnd) = (PeriodStart(subscription), subscription.NextDueAt);
                var model = DigestComposer.Compose(snapshot, subscription, periodStart, periodEnd, previous.GetValueOrDefault(subscription.Id));
                var isEmpty = model.IsEmpty;
                OutgoingEmail? email = null;
                if (!isEmpty || subscription.SendEmpty)
                {
                    var links = Links(tenantId, subscription);
                    var rendered = DigestRenderer.Render(model, links, snapshot.Chart);
                    email = db.QueueEmail(
                        subscription.Email, rendered.Subject, rendered.Html, rendered.Text, clock, UnsubscribeHeaders(links),
                        [.. rendered.Images.Select(i => new EmailInlineImage(i.ContentId, TrendChart.MediaType, i.Png))]);
                }

                var inserted = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO digest_deliveries (tenant_id, subscription_id, period_end, period_start, email_id, recipient, empty, counts, created_at)
                    VALUES ({tenantId}, {subscription.Id}, {periodEnd}, {periodStart}, {email?.Id}, {subscription.Email}, {isEmpty},
                            {System.Text.Json.JsonSerializer.Serialize(model.Counts, JsonColumn.Options)}::jsonb, {now})
                    ON CONFLICT (tenant_id, subscription_id, period_end) DO NOTHING
                    """, cancellationToken);
                if (inserted == 0)
                {
                    // Another run queued this period (only possible if it claimed the row before us and committed): send nothing.
                    conflicts++;
                    if (email is not null)
                    {
                        db.Entry(email).State = EntityState.Detached;
                    }
                }
                else if (email is null)
                {
                    empty++;
                }
                else
                {
                    queued++;
                }

                subscription.LastPeriodEnd = periodEnd;
                var after = periodEnd > now ? periodEnd : now;
                subscription.NextDueAt = DigestSchedule.NextAfter(DigestRule.Of(subscription), Instant.FromDateTimeOffset(after)).ToDateTimeOffset();
                subscription.Version++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    internal static DateTimeOffset PeriodStart(DigestSubscription s) => s.LastPeriodEnd ?? s.CreatedAt;

    internal DigestLinks Links(Guid tenantId, DigestSubscription s) => new(
        new Uri(portal.Value.BaseUrl.EndsWith('/') ? portal.Value.BaseUrl : portal.Value.BaseUrl + "/"),
        new Uri(new Uri(options.Value.UnsubscribeBaseUrl.EndsWith('/') ? options.Value.UnsubscribeBaseUrl : options.Value.UnsubscribeBaseUrl + "/"),
            $"api/risk/digests/unsubscribe?token={tokens.Create(tenantId, s.Id, s.UnsubscribeNonce)}"));

    /// <summary>RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.</summary>
    internal static Dictionary<string, string> UnsubscribeHeaders(DigestLinks links) => new()
    {
        ["List-Unsubscribe"] = $"<{links.Unsubscribe}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    /// <summary>How much score history before the earliest period start a digest run reads: the trend's week at most before it, and a day for the zones.</summary>
    internal static readonly TimeSpan HistoryBeforePeriod = TimeSpan.FromDays(8);

    internal static async Task<TenantSnapshot> LoadAsync(RiskDb db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = await db.Tenants.AsNoTracking().Select(t => t.Settings).SingleOrDefaultAsync(cancellationToken);
        var engagements = await db.Engagements.AsNoTracking().ToListAsync(cancellationToken);
        var scores = await db.Scores.AsNoTracking().ToDictionaryAsync(s => s.EngagementId, cancellationToken);
        // The bands at each period's start, and the trend chart, whose first day can be a week before the period's (DigestComposer.Trend).
        var history = await ScoreHistoryWindow.LoadAsync(db, since - HistoryBeforePeriod, cancellationToken);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.Status != AlertStatuses.Resolved || a.RaisedAt >= since)
            .ToListAsync(cancellationToken);
        // A day's margin: breaches are matched by date in the subscriber's zone, which may be a day behind UTC.
        var sinceDate = DateOnly.FromDateTime(since.UtcDateTime).AddDays(-1);
        var breaches = await (from r in db.SlaResults.AsNoTracking()
                              join s in db.Slas.AsNoTracking() on r.SlaId equals s.Id
                              where !r.Met && r.PeriodEnd >= sinceDate
                              select new { Result = r, s.Metric }).ToListAsync(cancellationToken);
        return new TenantSnapshot
        {
            TenantName = settings?.Name ?? "Your company",
            Engagements = engagements,
            Scores = scores,
            History = history,
            Alerts = alerts,
            Breaches = [.. breaches.Select(b => (b.Result, b.Metric))],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests: {Queued} queued, {Empty} empty periods not sent, {Conflicts} already queued elsewhere, over {Tenants} tenant(s)")]
    private static partial void LogRun(ILogger logger, int queued, int empty, int conflicts, int tenants);
}
