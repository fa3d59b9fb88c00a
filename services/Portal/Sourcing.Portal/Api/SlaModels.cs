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
