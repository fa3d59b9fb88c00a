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

    /// <summary>
    /// Where each SLA of the batch stands after it (the SLA service's reading of staleness); a
    /// consumer keeps the latest and never works staleness out for itself.
    /// </summary>
    public IReadOnlyList<SlaStanding> Standings { get; init; } = [];
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

    /// <summary>One of <see cref="SlaDirections"/>.</summary>
    public required string Direction { get; init; }

    /// <summary>One of <see cref="SlaPeriodKinds"/>.</summary>
    public required string Period { get; init; }

    public required decimal Weight { get; init; }

    /// <summary>Percent of the period's fee credited per breach, if any.</summary>
    public decimal? ServiceCreditPercent { get; init; }

    /// <summary>One of <see cref="SlaStatuses"/>.</summary>
    public required string Status { get; init; }

    public required int Version { get; init; }

    /// <summary>
    /// The first day on which the SLA counts as stale if nothing more is measured (see
    /// <see cref="SlaStanding.StaleFrom"/>); null for a retired SLA, which is never stale.
    /// </summary>
    public DateOnly? StaleFrom { get; init; }
}

/// <summary>
/// Where one SLA stands, as the SLA service reads it: its latest measured period and the first day
/// (UTC) on which it counts as stale if nothing more is measured. DOMAIN.md: an SLA with no
/// measurement in its last two periods is stale; the SLA service counts the last two periods that
/// have ended by the day before, only those the contract covers, and any later measured period as
/// a measurement in them. A consumer reads "stale on day D" as D &gt;= StaleFrom.
/// </summary>
public sealed record SlaStanding(Guid SlaId, DateOnly? LatestPeriodStart, DateOnly StaleFrom);

/// <summary>
/// One period's result. <see cref="RelativeShortfall"/> is DOMAIN.md's severity of a miss
/// (|target - value| / target, 1 when the target is 0, capped at 1; 0 when met), computed once by
/// the SLA service: consumers use it and never recompute it.
/// </summary>
public sealed record SlaPeriodResult(
    Guid SlaId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, decimal Target, string Direction, bool Met, decimal RelativeShortfall);
