using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sourcing.Risk.Data;
using Sourcing.Risk.Digests;
using Sourcing.Risk.Policy;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scores;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Portfolio;

public sealed record GroupFigures(string Key, string? Name, int Engagements, decimal? AverageComposite, decimal? MaxComposite, decimal? Cost);

public sealed record ProcessConcentration(string Process, decimal Hhi, int Sources);

public sealed record SingleSourcedProcess(string Process, string Source);

public sealed record CountryShare(string Country, decimal SharePercent, bool AboveThreshold);

public sealed record TopSource(string Source, string Name, decimal CostShare);

public sealed record PortfolioResponse(
    string ReportingCurrency,
    IReadOnlyDictionary<string, int> CountsByBand,
    IReadOnlyList<GroupFigures> ByCountry,
    IReadOnlyList<GroupFigures> ByProcess,
    IReadOnlyList<GroupFigures> BySource,
    IReadOnlyList<EngagementScoresResponse> Riskiest,
    decimal TotalCost,
    TopSource? TopSource,
    IReadOnlyList<ProcessConcentration> HhiByProcess,
    IReadOnlyList<SingleSourcedProcess> SingleSourcedCriticalProcesses,
    IReadOnlyList<CountryShare> CountryConcentration);

/// <summary>The portfolio's daily band counts (days in the tenant's time zone), oldest first.</summary>
public sealed record PortfolioTrendResponse(string TimeZone, IReadOnlyList<TrendPoint> Days);

/// <summary>The tenant's portfolio: counts by band, scores by country, process and source, the riskiest, and concentration.</summary>
public static class PortfolioApi
{
    public const int MaxTrendDays = 366;

    public static void MapPortfolioApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk/portfolio")
            .WithTags("Portfolio")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/", Get)
            .WithName("GetPortfolio")
            .WithSummary("Counts by band; scores by country, process and source; the ten riskiest; top-source cost share, HHI per process, single-sourced critical processes, country concentration.");
        group.MapGet("/trend", Trend)
            .WithName("GetPortfolioTrend")
            .WithSummary("The risk trend: for each of the last `days` days (1 to 366, default 90; today included), the engagements (not terminated) in each band at the end of the day in the tenant's time zone.");
    }

    private static async Task<Results<Ok<PortfolioTrendResponse>, ValidationProblem, NotFound>> Trend(
        int? days, RiskDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var count = days ?? 90;
        if (count is < 1 or > MaxTrendDays)
        {
            var errors = new ValidationErrors();
            errors.Add("days", $"must be between 1 and {MaxTrendDays} (was {count}).");
            return errors.ToProblem();
        }

        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(tenant.Settings.TimeZone) ?? DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date.ToDateOnly();
        var ids = await db.Engagements.AsNoTracking().Where(e => e.Status != EngagementValues.Terminated).Select(e => e.Id).ToListAsync(cancellationToken);
        var first = today.AddDays(1 - count);
        var history = await ScoreHistoryWindow.LoadAsync(db, zone.AtStartOfDay(LocalDate.FromDateOnly(first)).ToDateTimeOffset(), cancellationToken);
        return TypedResults.Ok(new PortfolioTrendResponse(zone.Id, PortfolioTrend.Daily(history, ids, first, today, zone)));
    }

    private static async Task<Results<Ok<PortfolioResponse>, NotFound>> Get(RiskDb db, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await ScoresApi.Query(db).ToListAsync(cancellationToken);
        var costs = await db.Scores.AsNoTracking().ToDictionaryAsync(s => s.EngagementId, s => s.Cost, cancellationToken);
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.Status == EngagementValues.Active).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.LegalName, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LegalEntity, cancellationToken);
        static string SourceKey(Engagement e) => TenantScoring.SourceKey(e);
        string SourceName(Engagement e) =>
            (e.ProviderId is { } p ? providers.GetValueOrDefault(p) : e.CaptiveCentreId is { } c ? centres.GetValueOrDefault(c) : null) ?? SourceKey(e);

        var counts = new Dictionary<string, int> { [Bands.Low] = 0, [Bands.Medium] = 0, [Bands.High] = 0, [Bands.Critical] = 0, ["none"] = 0 };
        foreach (var row in rows)
        {
            counts[row.Band ?? "none"]++;
        }

        var byId = engagements.ToDictionary(e => e.Id);
        static GroupFigures Figures(string key, string? name, IEnumerable<EngagementScoresResponse> group, Func<Guid, decimal?> cost)
        {
            var list = group.ToList();
            var composites = list.Where(r => r.Composite is not null).Select(r => r.Composite!.Value).ToList();
            var costs = list.Select(r => cost(r.EngagementId)).Where(c => c is not null).ToList();
            return new GroupFigures(key, name, list.Count,
                composites.Count > 0 ? Math.Round(composites.Average(), 2) : null,
                composites.Count > 0 ? composites.Max() : null,
                costs.Count > 0 ? costs.Sum() : null);
        }

        decimal? Cost(Guid id) => costs.GetValueOrDefault(id);
        var byCountry = rows.GroupBy(r => r.DeliveryCountry).Select(g => Figures(g.Key, null, g, Cost)).OrderByDescending(g => g.AverageComposite).ToList();
        var byProcess = rows.GroupBy(r => r.BusinessProcess).Select(g => Figures(g.Key, null, g, Cost)).OrderByDescending(g => g.AverageComposite).ToList();
        var bySource = rows.Where(r => byId.ContainsKey(r.EngagementId))
            .GroupBy(r => SourceKey(byId[r.EngagementId]))
            .Select(g => Figures(g.Key, SourceName(byId[g.First().EngagementId]), g, Cost))
            .OrderByDescending(g => g.AverageComposite).ToList();
        var riskiest = rows.Where(r => r.Composite is not null).OrderByDescending(r => r.Composite).ThenBy(r => r.Name).Take(10).ToList();

        var known = engagements.Where(e => Cost(e.Id) is not null).ToList();
        var total = known.Sum(e => Cost(e.Id)!.Value);
        var top = known.GroupBy(SourceKey).Select(g => (Key: g.Key, Name: SourceName(g.First()), Cost: g.Sum(e => Cost(e.Id)!.Value)))
            .OrderByDescending(s => s.Cost).FirstOrDefault();
        var dependencyRows = engagements.Select(e => new DependencyEngagement(
            e.Id, SourceKey(e), SourceName(e), e.SourceKind, e.BusinessProcess, e.Criticality == EngagementValues.Critical,
            Cost(e.Id) is { } c ? (double)c : null, "", null, null)).ToList();
        var hhi = dependencyRows.GroupBy(e => e.Process)
            .Select(g => new ProcessConcentration(g.Key, Math.Round((decimal)DependencyScore.Hhi(g), 4), g.Select(e => e.Source).Distinct().Count()))
            .OrderByDescending(p => p.Hhi).ToList();
        // The same rules as the alerts (one implementation each), over the stored costs.
        var single = PolicyFindings.SingleSourcedCriticalProcesses(engagements)
            .Select(p => new SingleSourcedProcess(p.Key, SourceName(p.Value))).OrderBy(p => p.Process, StringComparer.Ordinal).ToList();
        var concentration = CountryConcentration.Compute(
                engagements.Select(e => (e.DeliveryCountry, e.Criticality is EngagementValues.Critical or EngagementValues.Important, Cost(e.Id) is { } c ? (double?)(double)c : null)),
                tenant.Settings.HqCountry,
                (double)tenant.Settings.CountryConcentrationThresholdPercent)
            .Select(c => new CountryShare(c.Country, Math.Round((decimal)c.SharePercent, 2), c.AboveThreshold)).ToList();

        return TypedResults.Ok(new PortfolioResponse(
            tenant.Settings.ReportingCurrency,
            counts,
            byCountry,
            byProcess,
            bySource,
            riskiest,
            total,
            top.Key is null || total <= 0 ? null : new TopSource(top.Key, top.Name, Math.Round(top.Cost / total, 4)),
            hhi,
            single,
            concentration));
    }
}
