using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Scores;

/// <summary>What the breakdown column holds and the API shows: each score's factors and the findings.</summary>
public sealed record ScoreBreakdown(
    IReadOnlyList<Factor> Quality,
    IReadOnlyList<Factor> Dependency,
    IReadOnlyList<Factor> Geopolitical,
    IReadOnlyList<Finding> Findings);
