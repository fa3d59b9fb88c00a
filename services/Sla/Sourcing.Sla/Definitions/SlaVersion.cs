using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Sla.Definitions;

/// <summary>An SLA as it was at one version: written when it is defined, changed and retired.</summary>
public sealed class SlaVersion : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid SlaId { get; set; }

    public int Version { get; set; }

    public string Metric { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal Target { get; set; }

    public string Direction { get; set; } = "";

    public string Period { get; set; } = "";

    public decimal Weight { get; set; }

    public decimal? ServiceCreditPercent { get; set; }

    public string Status { get; set; } = "";

    public List<string> ChangedFields { get; set; } = [];

    public Guid? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
