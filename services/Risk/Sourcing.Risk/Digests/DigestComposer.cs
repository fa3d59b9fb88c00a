using System.Text.Json;
using NodaTime;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Portfolio;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scores;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Digests;

/// <summary>A tenant's data as one digest run read it (once per tenant, shared by all its subscribers' digests).</summary>
public sealed class TenantSnapshot
{
    public required string TenantName { get; init; }

    public required IReadOnlyList<Engagement> Engagements { get; init; }

    public required IReadOnlyDictionary<Guid, EngagementScore> Scores { get; init; }

    /// <summary>Each engagement's score history, oldest first.</summary>
    public required IReadOnlyDictionary<Guid, ScoreHistoryPoint[]> History { get; init; }

    /// <summary>Alerts not resolved, and alerts raised since the earliest period start.</summary>
    public required IReadOnlyList<Alert> Alerts { get; init; }

    /// <summary>Missed SLA periods that ended since the earliest period start, with the SLA's metric.</summary>
    public required IReadOnlyList<(SlaResult Result, string Metric)> Breaches { get; init; }

    private readonly Dictionary<Guid, IReadOnlyList<Factor>> _topFactors = [];
    private readonly Dictionary<(Guid? Owner, string Zone, DateOnly From, DateOnly To), List<TrendPoint>> _trends = [];
    private readonly Dictionary<string, byte[]> _charts = new(StringComparer.Ordinal);

    /// <summary>
    /// The trend of a scope (all engagements when <paramref name="owner"/> is null), computed once per run:
    /// subscribers with the same scope, zone and period share it.
    /// </summary>
    internal List<TrendPoint> Trend((Guid? Owner, string Zone, DateOnly From, DateOnly To) key, Func<List<TrendPoint>> compute)
    {
        if (!_trends.TryGetValue(key, out var trend))
        {
            trend = compute();
            _trends[key] = trend;
        }

        return trend;
    }

    /// <summary>The trend chart's PNG, rendered once per distinct trend in a run.</summary>
    public byte[] Chart(IReadOnlyList<TrendPoint> points)
    {
        var key = string.Join(';', points);
        if (!_charts.TryGetValue(key, out var png))
        {
            png = TrendChart.RenderPng(points);
            _charts[key] = png;
        }

        return png;
    }

    /// <summary>The three factors that added most to an engagement's scores.</summary>
    public IReadOnlyList<Factor> TopFactors(Guid engagementId)
    {
        if (_topFactors.TryGetValue(engagementId, out var cached))
        {
            return cached;
        }

        IReadOnlyList<Factor> top = [];
        if (Scores.TryGetValue(engagementId, out var score))
        {
            var breakdown = JsonSerializer.Deserialize<ScoreBreakdown>(score.Breakdown, JsonSerializerOptions.Web);
            if (breakdown is not null)
            {
                top = [.. (breakdown.Quality ?? []).Concat(breakdown.Dependency ?? []).Concat(breakdown.Geopolitical ?? [])
                    .Where(f => f.Points > 0).OrderByDescending(f => f.Points).Take(3)];
            }
        }

        _topFactors[engagementId] = top;
        return top;
    }
}

/// <summary>
/// Composes one subscriber's digest from the tenant's snapshot: pure, so the rules are unit-tested.
/// The scope picks the engagements (the subscriber's own, or all); the minimum band then picks which of
/// them the digest reports on (by the band now, or the band before for a change). Critical alerts are
/// always reported, and alerts about no engagement (a country, a process) go to every scope. The
/// counts and the trend cover every band of the scope: they are the portfolio at a glance.
/// </summary>
public static class DigestComposer
{
    /// <summary>How far ahead a contract's end is announced.</summary>
    public const int ContractEndLookaheadDays = 30;

    public static DigestModel Compose(
        TenantSnapshot data, DigestSubscription subscription, DateTimeOffset periodStart, DateTimeOffset periodEnd, BandCounts? previousCounts)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(subscription.TimeZone) ?? DateTimeZone.Utc;
        var startDate = Instant.FromDateTimeOffset(periodStart).InZone(zone).Date.ToDateOnly();
        var endDate = Instant.FromDateTimeOffset(periodEnd).InZone(zone).Date.ToDateOnly();
        var minRank = Bands.Rank(subscription.MinBand);

        var inScope = data.Engagements
            .Where(e => subscription.Scope == DigestScopes.All || e.OwnerUserId == subscription.UserId)
            .ToDictionary(e => e.Id);
        string? BandNow(Guid id) => data.Scores.TryGetValue(id, out var s) ? s.Band : null;
        string? BandAt(Guid id, DateTimeOffset at) =>
            data.History.TryGetValue(id, out var points) ? points.LastOrDefault(p => p.ComputedAt <= at)?.Band : null;
        bool Reported(Guid id) => Bands.Rank(BandNow(id)) >= minRank;

        var counts = Count(inScope.Keys.Select(BandNow));
        var changes = new List<DigestBandChange>();
        foreach (var e in inScope.Values.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var before = BandAt(e.Id, periodStart);
            var now = BandAt(e.Id, periodEnd);
            if (now is null || before == now || Math.Max(Bands.Rank(before), Bands.Rank(now)) < minRank)
            {
                continue;
            }

            var composite = data.History[e.Id].Last(p => p.ComputedAt <= periodEnd).Composite;
            changes.Add(new DigestBandChange(e.Id, e.Name, before, now, composite, data.TopFactors(e.Id)));
        }

        var alerts = data.Alerts
            .Where(a => a.RaisedAt < periodEnd)
            .Where(a => a.EngagementId is not { } id || (inScope.ContainsKey(id) && (Reported(id) || a.Severity == Bands.Critical)))
            .OrderByDescending(a => a.Severity == Bands.Critical).ThenBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .Select(a => new DigestAlert(
                a.Id, a.EngagementId, a.EngagementId is { } id ? inScope[id].Name : null, a.Kind, a.Severity, a.Message, a.RaisedAt,
                a.RaisedAt >= periodStart))
            .Where(a => a.IsNew || IsOpen(data, a.Id))
            .ToList();
        static bool IsPolicy(DigestAlert a) => a.Kind.StartsWith("policy-", StringComparison.Ordinal);

        var breaches = data.Breaches
            .Where(b => inScope.ContainsKey(b.Result.EngagementId) && Reported(b.Result.EngagementId))
            .Where(b => b.Result.PeriodEnd >= startDate && b.Result.PeriodEnd < endDate)
            .OrderBy(b => b.Result.PeriodEnd).ThenBy(b => inScope[b.Result.EngagementId].Name, StringComparer.Ordinal).ThenBy(b => b.Metric, StringComparer.Ordinal)
            .Select(b => new DigestBreach(b.Result.EngagementId, inScope[b.Result.EngagementId].Name, b.Metric, b.Result.PeriodEnd, b.Result.Value, b.Result.Target))
            .ToList();

        var contracts = new List<DigestContractNotice>();
        foreach (var e in inScope.Values.Where(e => Reported(e.Id) && e.Status != EngagementValues.Terminated).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (e.Contract is not { End: { } end } contract)
            {
                continue;
            }

            var noticeFrom = end.AddDays(-contract.NoticePeriodDays);
            if (noticeFrom >= startDate && noticeFrom < endDate)
            {
                contracts.Add(new DigestContractNotice(e.Id, e.Name, "entered its notice window", noticeFrom));
            }

            if (end >= startDate && end < endDate.AddDays(ContractEndLookaheadDays))
            {
                contracts.Add(new DigestContractNotice(e.Id, e.Name, end < endDate ? "ended" : "ends", end));
            }
        }

        return new DigestModel(
            data.TenantName, subscription.Name, subscription.Scope, subscription.MinBand, periodStart, periodEnd, zone.Id,
            counts, previousCounts, changes,
            [.. alerts.Where(a => a.IsNew && !IsPolicy(a))],
            [.. alerts.Where(a => !a.IsNew && !IsPolicy(a))],
            breaches, contracts,
            [.. alerts.Where(IsPolicy)],
            data.Trend(
                (subscription.Scope == DigestScopes.All ? null : subscription.UserId, zone.Id, startDate, endDate),
                () => Trend(data, inScope.Keys, startDate, endDate, zone)));
    }

    private static bool IsOpen(TenantSnapshot data, Guid alertId) =>
        data.Alerts.First(a => a.Id == alertId).Status != AlertStatuses.Resolved;

    private static BandCounts Count(IEnumerable<string?> bands)
    {
        int low = 0, medium = 0, high = 0, critical = 0;
        foreach (var band in bands)
        {
            switch (band)
            {
                case Bands.Low: low++; break;
                case Bands.Medium: medium++; break;
                case Bands.High: high++; break;
                case Bands.Critical: critical++; break;
            }
        }

        return new BandCounts(low, medium, high, critical);
    }

    /// <summary>Bands at the end of each day of the period (at least the last 7 days, at most 31), from the score history.</summary>
    private static List<TrendPoint> Trend(TenantSnapshot data, IEnumerable<Guid> engagementIds, DateOnly startDate, DateOnly endDate, DateTimeZone zone)
    {
        var last = endDate.AddDays(-1);
        var first = startDate;
        if (last.DayNumber - first.DayNumber < 6)
        {
            first = last.AddDays(-6);
        }

        if (last.DayNumber - first.DayNumber > 30)
        {
            first = last.AddDays(-30);
        }

        return PortfolioTrend.Daily(data.History, engagementIds, first, last, zone);
    }
}
