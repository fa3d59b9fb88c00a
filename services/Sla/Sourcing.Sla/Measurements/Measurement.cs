using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// One value of one SLA for one period, judged against the target in force when it was recorded.
/// Written only by the set-based merge of <see cref="MeasurementIngestion"/>; a period that misses is a breach.
/// </summary>
public sealed class Measurement : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid SlaId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public Guid EngagementId { get; set; }

    public decimal Value { get; set; }

    public decimal Target { get; set; }

    public string Direction { get; set; } = "";

    public bool Met { get; set; }

    /// <summary>DOMAIN.md's severity of this period's miss (0 when met), from <see cref="SlaRules.RelativeShortfall"/> at ingestion.</summary>
    public decimal RelativeShortfall { get; set; }

    /// <summary>When this value was recorded (or last replaced): when its breach, if any, was detected.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public Guid BatchId { get; set; }
}
