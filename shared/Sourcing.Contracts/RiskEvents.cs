namespace Sourcing.Contracts;

/// <summary>Published only when a score or band of an engagement changed.</summary>
public sealed record RiskScoresChanged : IntegrationEvent
{
    public required Guid EngagementId { get; init; }

    public decimal? Quality { get; init; }

    public decimal? Dependency { get; init; }

    public decimal? Geopolitical { get; init; }

    public decimal? Composite { get; init; }

    /// <summary>low, medium, high or critical; null when no score exists.</summary>
    public string? Band { get; init; }

    public string? PreviousBand { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}

public sealed record RiskAlertRaised : IntegrationEvent
{
    public required Guid AlertId { get; init; }

    /// <summary>The engagement, process or country the alert is about.</summary>
    public required string Subject { get; init; }

    public Guid? EngagementId { get; init; }

    public required string Kind { get; init; }

    public required string Severity { get; init; }

    public required string Message { get; init; }
}

public sealed record RiskAlertResolved : IntegrationEvent
{
    public required Guid AlertId { get; init; }

    public required string Subject { get; init; }

    public Guid? EngagementId { get; init; }

    public required string Kind { get; init; }

    /// <summary>automatic (the cause went away) or the user who resolved it.</summary>
    public required string ResolvedBy { get; init; }
}

/// <summary>
/// The policy checks of DOMAIN.md that fail on an engagement now, judged by the risk service (the
/// only service holding every input, the reference data included): the whole current set, empty
/// when none fails. Published when the set changes; <see cref="EvaluatedAt"/> orders them.
/// </summary>
public sealed record PolicyFindingsChanged : IntegrationEvent
{
    public required Guid EngagementId { get; init; }

    public required IReadOnlyList<PolicyFindingState> Findings { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }
}

/// <summary>One failing policy check: its code (not-advisable-to-offshore, sensitive-data-in-high-risk-country, ...) and what fails, in words.</summary>
public sealed record PolicyFindingState(string Check, string Message);
