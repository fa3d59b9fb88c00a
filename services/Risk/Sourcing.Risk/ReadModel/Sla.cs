using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.ReadModel;

/// <summary>The risk service's copy of an SLA definition.</summary>
public sealed class Sla : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid EngagementId { get; set; }

    public string Metric { get; set; } = "";

    /// <summary>One of <see cref="SlaPeriodKinds"/>.</summary>
    public string Period { get; set; } = "";

    public decimal Weight { get; set; }

    /// <summary>One of <see cref="SlaStatuses"/>.</summary>
    public string Status { get; set; } = "";

    public int Version { get; set; }

    /// <summary>
    /// The first day on which the SLA counts as stale, as the SLA service published it (SlaState and
    /// SlaResultsRecorded's standings); null until it has said, and then never stale here.
    /// </summary>
    public DateOnly? StaleFrom { get; set; }
}

/// <summary>One measured period of an SLA (from SlaResultsRecorded); a replaced value overwrites the row.</summary>
public sealed class SlaResult : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid SlaId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public Guid EngagementId { get; set; }

    public decimal Value { get; set; }

    public decimal Target { get; set; }

    public bool Met { get; set; }

    /// <summary>The period's relative shortfall as the SLA service computed it (0 when met).</summary>
    public decimal RelativeShortfall { get; set; }
}
