using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;
using Sourcing.Sla.Data;
using Sourcing.Sla.Definitions;
using Sourcing.Sla.Engagements;
using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Reports;

/// <summary>Attainment per engagement and per SLA for any window: measured, met, missed, shortfall, trend, credits, staleness.</summary>
public static class SlaReportsApi
{
    public const int DefaultWindowDays = 90;
    public const int MaxWindowDays = 3700;

    public static IEndpointRouteBuilder MapSlaReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api")
            .WithTags("SLA reports")
            .WithTenantTransaction<SlaDb, RouteGroupBuilder>()
            .RequireAuthorization(Policies.Read);

        api.MapGet("engagements/{engagementId:guid}/sla-report", EngagementReport)
            .WithName("GetEngagementSlaReport")
            .WithSummary("Every SLA of the engagement for the window (from/to, dates of period starts; default the last 90 days), with totals, credits owed and stale SLAs.");
        api.MapGet("slas/{id:guid}/report", SlaReport)
            .WithName("GetSlaReport")
            .WithSummary("One SLA's figures for the window.");
        api.MapGet("engagements/{engagementId:guid}", GetEngagement)
            .WithName("GetKnownEngagement")
            .WithSummary("This service's copy of an engagement (from the engagements service's events).");
        return app;
    }

    public static async Task<Results<Ok<EngagementSlaReport>, NotFound, ValidationProblem>> EngagementReport(
        Guid engagementId, DateOnly? from, DateOnly? to, SlaDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return TypedResults.NotFound();
        }

        if (Window(from, to, clock) is not { } window)
        {
            return WindowProblem();
        }

        var slas = await db.Slas.AsNoTracking().Where(s => s.EngagementId == engagementId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var reports = await BuildAsync(db, engagement, slas, window, clock, cancellationToken);
        var reported = reports.Where(r => r.Status == SlaStatuses.Active || r.Figures.PeriodsMeasured > 0).ToList();
        var measured = reported.Sum(r => r.Figures.PeriodsMeasured);
        var met = reported.Sum(r => r.Figures.PeriodsMet);
        var weighted = reported.Where(r => r.Figures.AttainmentPercent is not null).ToList();
        var totalWeight = weighted.Sum(r => r.Weight);
        return TypedResults.Ok(new EngagementSlaReport(
            engagement.Id,
            engagement.Name,
            window.From,
            window.To,
            engagement.AnnualValue,
            engagement.Currency,
            measured,
            met,
            measured - met,
            SlaAttainment.Percent(met, measured),
            totalWeight == 0 ? null : Math.Round(weighted.Sum(r => r.Weight * r.Figures.AttainmentPercent!.Value) / totalWeight, 2),
            reported.Any(r => r.Figures.ServiceCredits is null) ? null : reported.Sum(r => r.Figures.ServiceCredits!.Value),
            reported.Where(r => r.Stale).Select(r => r.SlaId).ToList(),
            reported));
    }

    public static async Task<Results<Ok<SlaReport>, NotFound, ValidationProblem>> SlaReport(
        Guid id, DateOnly? from, DateOnly? to, SlaDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sla = await db.Slas.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var engagement = sla is null ? null : await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == sla.EngagementId, cancellationToken);
        if (sla is null || engagement is null)
        {
            return TypedResults.NotFound();
        }

        if (Window(from, to, clock) is not { } window)
        {
            return WindowProblem();
        }

        return TypedResults.Ok((await BuildAsync(db, engagement, [sla], window, clock, cancellationToken)).Single());
    }

    public static async Task<Results<Ok<KnownEngagementResponse>, NotFound>> GetEngagement(Guid engagementId, SlaDb db, CancellationToken cancellationToken)
    {
        var e = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == engagementId, cancellationToken);
        return e is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new KnownEngagementResponse(
                e.Id, e.Name, e.Status, e.Criticality, e.ContractStart, e.ContractEnd, e.TerminatedOn, e.AnnualValue, e.Currency, e.Version));
    }

    private static async Task<List<SlaReport>> BuildAsync(
        SlaDb db, KnownEngagement engagement, IReadOnlyList<SlaDefinition> slas, (DateOnly From, DateOnly To) window, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = slas.Select(s => s.Id).ToList();
        // Staleness is judged on the day after the window's last day, or today if that is earlier
        // (SlaStaleness: a period counts as over once its last day is), from the latest period
        // measured by the window's end: the day the risk service reads the published StaleFrom.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var staleDay = window.To < today ? window.To.AddDays(1) : today;
        var rows = await db.Measurements.AsNoTracking()
            .Where(m => ids.Contains(m.SlaId) && m.PeriodStart >= window.From && m.PeriodStart <= window.To)
            .Select(m => new { m.SlaId, Result = new PeriodResult(m.PeriodStart, m.PeriodEnd, m.Value, m.Target, m.Direction, m.Met, m.RelativeShortfall) })
            .ToListAsync(cancellationToken);
        var latest = await db.Measurements.AsNoTracking()
            .Where(m => ids.Contains(m.SlaId) && m.PeriodStart <= window.To)
            .GroupBy(m => m.SlaId)
            .Select(g => new { SlaId = g.Key, Latest = g.Max(m => m.PeriodStart) })
            .ToDictionaryAsync(g => g.SlaId, g => g.Latest, cancellationToken);
        var bySla = rows.ToLookup(r => r.SlaId, r => r.Result);

        return slas.Select(s =>
        {
            var periods = bySla[s.Id].OrderBy(p => p.PeriodStart).ToList();
            var figures = SlaAttainment.Compute(
                s.Period, s.ServiceCreditPercent, engagement.AnnualValue, engagement.ContractStart, engagement.End ?? engagement.ContractEnd,
                periods, window.From, window.To);
            var stale = s.Status == SlaStatuses.Active
                && SlaStaleness.IsStale(s.Period, latest.TryGetValue(s.Id, out var last) ? last : null, engagement.ContractStart, staleDay);
            return new SlaReport(
                s.Id, s.Metric, s.Unit, s.Target, s.Direction, s.Period, s.Weight, s.ServiceCreditPercent, s.Status,
                window.From, window.To, figures, stale, periods.Count == 0 ? null : periods[^1].PeriodStart);
        }).ToList();
    }

    private static (DateOnly From, DateOnly To)? Window(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? end.AddDays(-(DefaultWindowDays - 1));
        return start > end || end.DayNumber - start.DayNumber > MaxWindowDays ? null : (start, end);
    }

    private static ValidationProblem WindowProblem()
    {
        var errors = new ValidationErrors();
        errors.Add("from", $"must be on or before 'to', and the window at most {MaxWindowDays} days.");
        return errors.ToProblem();
    }
}

public sealed record SlaReport(
    Guid SlaId,
    string Metric,
    string Unit,
    decimal Target,
    string Direction,
    string Period,
    decimal Weight,
    decimal? ServiceCreditPercent,
    string Status,
    DateOnly From,
    DateOnly To,
    SlaFigures Figures,
    bool Stale,
    DateOnly? LastMeasuredPeriod);

public sealed record EngagementSlaReport(
    Guid EngagementId,
    string Name,
    DateOnly From,
    DateOnly To,
    decimal? AnnualValue,
    string? Currency,
    int PeriodsMeasured,
    int PeriodsMet,
    int PeriodsMissed,
    decimal? AttainmentPercent,
    decimal? WeightedAttainmentPercent,
    decimal? ServiceCreditsOwed,
    IReadOnlyList<Guid> StaleSlas,
    IReadOnlyList<SlaReport> Slas);

public sealed record KnownEngagementResponse(
    Guid Id, string Name, string Status, string Criticality, DateOnly? ContractStart, DateOnly? ContractEnd, DateOnly? TerminatedOn,
    decimal? AnnualValue, string? Currency, int Version);
