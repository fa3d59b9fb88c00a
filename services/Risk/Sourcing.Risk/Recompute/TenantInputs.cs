using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Policy;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Recompute;

/// <summary>SLA figures from the tenant's one GROUP BY query, with whether the latest measured period was met.</summary>
public sealed record SlaFigures(SlaWindowStats Stats, bool? LatestMet);

/// <summary>Everything one tenant's recompute reads, loaded in a handful of queries.</summary>
public sealed record TenantInputs(
    Guid TenantId,
    TenantSettings Settings,
    DateOnly EvaluationDate,
    IReadOnlyList<Engagement> Engagements,
    IReadOnlyDictionary<Guid, Provider> Providers,
    IReadOnlyDictionary<Guid, CaptiveCentre> Centres,
    IReadOnlyList<Sla> Slas,
    IReadOnlyDictionary<Guid, SlaFigures> SlaFigures,
    IReadOnlyDictionary<string, CountryOverrideValues> Overrides,
    ReferenceData.Snapshot Reference,
    Func<string, string, (double Volatility, DateOnly End, int Returns)?> Volatility);

/// <summary>One engagement's computed scores and its failing policy checks.</summary>
public sealed record ComputedScores(
    Guid EngagementId,
    ScoreResult Quality,
    ScoreResult? Dependency,
    ScoreResult Geopolitical,
    double? Composite,
    string? Band,
    double? Cost,
    IReadOnlyList<PolicyFinding> Policy);
