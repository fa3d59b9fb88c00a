namespace Sourcing.Contracts;

public sealed record SlaDefined : IntegrationEvent
{
    public required SlaState Sla { get; init; }
}

public sealed record SlaChanged : IntegrationEvent
{
    public required SlaState Sla { get; init; }

    public required IReadOnlyList<string> ChangedFields { get; init; }
}

public sealed record SlaRetired : IntegrationEvent
{
    public required SlaState Sla { get; init; }
}

/// <summary>
/// One per engagement per ingested batch: the per-SLA, per-period results the risk service needs
/// (a replaced value appears with its new result).
/// </summary>
public sealed record SlaResultsRecorded : IntegrationEvent
{
    public required Guid EngagementId { get; init; }

    public required Guid BatchId { get; init; }

    public required IReadOnlyList<SlaPeriodResult> Results { get; init; }
}

/// <summary>Breaches detected in one batch for one SLA (coalesced for bulk loads).</summary>
public sealed record SlaBreached : IntegrationEvent
{
    public required Guid EngagementId { get; init; }

    public required Guid SlaId { get; init; }

    public required Guid BatchId { get; init; }

    public required string Metric { get; init; }

    public required IReadOnlyList<SlaPeriodResult> Breaches { get; init; }
}

public sealed record SlaState
{
    public required Guid Id { get; init; }

    public required Guid EngagementId { get; init; }

    public required string Metric { get; init; }

    public required string Unit { get; init; }

    public required decimal Target { get; init; }

    /// <summary>at-least or at-most.</summary>
    public required string Direction { get; init; }

    /// <summary>daily, weekly or monthly.</summary>
    public required string Period { get; init; }

    public required decimal Weight { get; init; }

    /// <summary>Percent of the period's fee credited per breach, if any.</summary>
    public decimal? ServiceCreditPercent { get; init; }

    /// <summary>active or retired.</summary>
    public required string Status { get; init; }

    public required int Version { get; init; }
}

public sealed record SlaPeriodResult(
    Guid SlaId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, decimal Target, string Direction, bool Met);
