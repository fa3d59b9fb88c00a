using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Risk.Data;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Risk.Scores;

/// <summary>An engagement's scores (a class with init properties, so that EF can filter and sort on the projection).</summary>
public sealed record EngagementScoresResponse
{
    public Guid EngagementId { get; init; }

    public string Name { get; init; } = "";

    public string SourceKind { get; init; } = "";

    public Guid? ProviderId { get; init; }

    public Guid? CaptiveCentreId { get; init; }

    public string BusinessProcess { get; init; } = "";

    public string DeliveryCountry { get; init; } = "";

    public string Criticality { get; init; } = "";

    /// <summary>The location grade as the engagements service classified it (the quality score's distance addition follows it).</summary>
    public string LocationGrade { get; init; } = "";

    /// <summary>The classification's location gap: mean hours from HQ's time at 12:00 UTC on 15 January and 15 July of <see cref="LocationGapYear"/>.</summary>
    public decimal? LocationGapHours { get; init; }

    public int? LocationGapYear { get; init; }

    public decimal? Quality { get; init; }

    public decimal? Dependency { get; init; }

    public decimal? Geopolitical { get; init; }

    public decimal? Composite { get; init; }

    public string? Band { get; init; }

    public DateTimeOffset ComputedAt { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public ScoreBreakdown? Breakdown { get; init; }
}

public sealed record ScoreHistoryResponse(
    DateTimeOffset ComputedAt, decimal? Quality, decimal? Dependency, decimal? Geopolitical, decimal? Composite, string? Band);

/// <summary>Scores per engagement, their history, and the scores of a provider's or a captive centre's engagements.</summary>
public static class ScoresApi
{
    public static void MapScoresApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk")
            .WithTags("Scores")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();

        group.MapGet("/scores", ListScores).WithName("ListScores")
            .WithSummary("Every engagement's scores and band, riskiest first (sort: composite, quality, dependency, geopolitical, name, country; - for descending; no score sorts last); filter by band, country and process.");
        group.MapGet("/engagements/{engagementId:guid}/scores", GetScores).WithName("GetEngagementScores")
            .WithSummary("An engagement's quality, dependency, geopolitical and composite scores, band, when computed, and each score's factors.");
        group.MapGet("/engagements/{engagementId:guid}/history", GetHistory).WithName("GetScoreHistory")
            .WithSummary("An engagement's score history (a point whenever a score or the band changed), oldest first.");
        group.MapGet("/providers/{providerId:guid}/scores", GetProviderScores).WithName("GetProviderScores")
            .WithSummary("The scores of a provider's engagements, riskiest first.");
        group.MapGet("/captive-centres/{captiveCentreId:guid}/scores", GetCaptiveCentreScores).WithName("GetCaptiveCentreScores")
            .WithSummary("The scores of a captive centre's or partnership's engagements, riskiest first.");
    }

    /// <summary>Scores joined to their engagements, translated to SQL; <see cref="WithBreakdown"/> adds the parsed breakdown after loading.</summary>
    internal static IQueryable<EngagementScoresResponse> Query(RiskDb db) =>
        from s in db.Scores
        join e in db.Engagements on s.EngagementId equals e.Id
        join r in db.RecomputeRecords on s.TenantId equals r.TenantId
        select new EngagementScoresResponse
        {
            EngagementId = e.Id,
            Name = e.Name,
            SourceKind = e.SourceKind,
            ProviderId = e.ProviderId,
            CaptiveCentreId = e.CaptiveCentreId,
            BusinessProcess = e.BusinessProcess,
            DeliveryCountry = e.DeliveryCountry,
            Criticality = e.Criticality,
            LocationGrade = e.LocationGrade,
            LocationGapHours = e.LocationGapHours,
            LocationGapYear = e.LocationGapYear,
            Quality = s.Quality,
            Dependency = s.Dependency,
            Geopolitical = s.Geopolitical,
            Composite = s.Composite,
            Band = s.Band,
            ComputedAt = r.ComputedAt,
            ChangedAt = s.ChangedAt,
        };

    private static async Task<List<EngagementScoresResponse>> WithBreakdown(RiskDb db, List<EngagementScoresResponse> scores, CancellationToken cancellationToken)
    {
        var ids = scores.Select(s => s.EngagementId).ToList();
        var breakdowns = await db.Scores.Where(s => ids.Contains(s.EngagementId))
            .ToDictionaryAsync(s => s.EngagementId, s => s.Breakdown, cancellationToken);
        return [.. scores.Select(s => s with { Breakdown = JsonSerializer.Deserialize<ScoreBreakdown>(breakdowns[s.EngagementId], JsonColumn.Options) })];
    }

    private static async Task<Results<Ok<Page<EngagementScoresResponse>>, ValidationProblem>> ListScores(
        RiskDb db, [AsParameters] ScoreListQuery list, CancellationToken cancellationToken)
    {
        if (list.Validate() is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await list.Order(list.Apply(Query(db))).ToPageAsync(list.Page, list.PageSize, cancellationToken));
    }

    private static async Task<Results<Ok<EngagementScoresResponse>, NotFound>> GetScores(
        Guid engagementId, RiskDb db, CancellationToken cancellationToken)
    {
        var score = await Query(db).Where(s => s.EngagementId == engagementId).ToListAsync(cancellationToken);
        return score.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok((await WithBreakdown(db, score, cancellationToken))[0]);
    }

    private static async Task<Results<Ok<List<ScoreHistoryResponse>>, NotFound>> GetHistory(
        Guid engagementId, DateTimeOffset? from, DateTimeOffset? to, RiskDb db, CancellationToken cancellationToken)
    {
        if (!await db.Engagements.AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var query = db.ScoreHistory.Where(h => h.EngagementId == engagementId);
        if (from is { } f)
        {
            query = query.Where(h => h.ComputedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(h => h.ComputedAt <= t);
        }

        var points = await query.OrderBy(h => h.ComputedAt).Take(5000)
            .Select(h => new ScoreHistoryResponse(h.ComputedAt, h.Quality, h.Dependency, h.Geopolitical, h.Composite, h.Band))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(points);
    }

    private static async Task<Results<Ok<List<EngagementScoresResponse>>, NotFound>> GetProviderScores(
        Guid providerId, RiskDb db, CancellationToken cancellationToken)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var scores = await RiskiestFirst(Query(db).Where(s => s.ProviderId == providerId)).ToListAsync(cancellationToken);
        return TypedResults.Ok(await WithBreakdown(db, scores, cancellationToken));
    }

    private static async Task<Results<Ok<List<EngagementScoresResponse>>, NotFound>> GetCaptiveCentreScores(
        Guid captiveCentreId, RiskDb db, CancellationToken cancellationToken)
    {
        if (!await db.CaptiveCentres.AnyAsync(c => c.Id == captiveCentreId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var scores = await RiskiestFirst(Query(db).Where(s => s.CaptiveCentreId == captiveCentreId)).ToListAsync(cancellationToken);
        return TypedResults.Ok(await WithBreakdown(db, scores, cancellationToken));
    }

    /// <summary>Highest composite first, unscored last, then by name.</summary>
    private static IOrderedQueryable<EngagementScoresResponse> RiskiestFirst(IQueryable<EngagementScoresResponse> scores) =>
        scores.OrderBy(s => s.Composite == null).ThenByDescending(s => s.Composite).ThenBy(s => s.Name);
}
