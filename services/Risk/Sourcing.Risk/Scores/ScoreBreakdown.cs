using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Scores;

/// <summary>
/// What the breakdown column holds and the API shows: each score's factors, the findings (the
/// scores' own and the failing policy checks), and the failing policy checks alone (null in a
/// breakdown written before they were kept; the next recompute rewrites it).
/// </summary>
public sealed record ScoreBreakdown(
    IReadOnlyList<Factor> Quality,
    IReadOnlyList<Factor> Dependency,
    IReadOnlyList<Factor> Geopolitical,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding>? Policy = null);
