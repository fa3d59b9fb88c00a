namespace Sourcing.Portal.Api;

/// <summary>An SLA as the SLA API shows it.</summary>
public sealed record Sla(
    Guid Id,
    Guid EngagementId,
    string Metric,
    string Unit,
    decimal Target,
    string Direction,
    string Period,
    decimal Weight,
    decimal? ServiceCreditPercent,
    string Status,
    int Version);

/// <summary>An SLA's definition as the form sends it (the API validates and names each refused field).</summary>
public sealed record SlaDefinition(
    string? Metric, string? Unit, decimal? Target, string? Direction, string? Period, decimal? Weight, decimal? ServiceCreditPercent);

/// <summary>What an upload did: rows read; periods recorded, replaced, unchanged; breaches among the changes.</summary>
public sealed record UploadResult(Guid BatchId, long Rows, long Recorded, long Replaced, long Unchanged, long Breaches);

public sealed record Breach(
    Guid SlaId, string Metric, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, decimal Target, string Direction, DateTimeOffset DetectedAt);

/// <summary>One measured period of an SLA, with the target it was judged against and whether it met it (the SLA API's judgement).</summary>
public sealed record Measurement(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, decimal Target, string Direction, bool Met);

/// <summary>An engagement's SLA figures for a window, as the SLA API computes them.</summary>
public sealed record EngagementSlaReport(
    Guid EngagementId,
    DateOnly From,
    DateOnly To,
    int PeriodsMeasured,
    int PeriodsMet,
    int PeriodsMissed,
    decimal? AttainmentPercent,
    decimal? WeightedAttainmentPercent,
    IReadOnlyList<Guid> StaleSlas,
    IReadOnlyList<SlaReport> Slas);

/// <summary>One SLA's figures for the window.</summary>
public sealed record SlaReport(
    Guid SlaId, string Metric, string Unit, decimal Target, string Direction, string Period, string Status, SlaFigures Figures, bool Stale);

/// <summary>Periods measured, met and missed, and the attainment (met / measured) in the window.</summary>
public sealed record SlaFigures(int PeriodsMeasured, int PeriodsMet, int PeriodsMissed, decimal? AttainmentPercent);
