using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Sla.Definitions;

/// <summary>A service-level target on an engagement (DOMAIN.md); every change is kept in <see cref="SlaVersion"/>.</summary>
public sealed class SlaDefinition : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid EngagementId { get; set; }

    public string Metric { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal Target { get; set; }

    public string Direction { get; set; } = "";

    public string Period { get; set; } = "";

    public decimal Weight { get; set; }

    public decimal? ServiceCreditPercent { get; set; }

    public string Status { get; set; } = SlaStatuses.Active;

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public string ETag => $"\"{Version}\"";

    /// <summary>The event state; <paramref name="staleFrom"/> is where the SLA stands (null once retired).</summary>
    public SlaState ToState(DateOnly? staleFrom) => new()
    {
        Id = Id,
        EngagementId = EngagementId,
        Metric = Metric,
        Unit = Unit,
        Target = Target,
        Direction = Direction,
        Period = Period,
        Weight = Weight,
        ServiceCreditPercent = ServiceCreditPercent,
        Status = Status,
        Version = Version,
        StaleFrom = staleFrom,
    };

    public SlaVersion Snapshot(Guid? changedBy, IReadOnlyList<string> changedFields, DateTimeOffset at) => new()
    {
        TenantId = TenantId,
        SlaId = Id,
        Version = Version,
        Metric = Metric,
        Unit = Unit,
        Target = Target,
        Direction = Direction,
        Period = Period,
        Weight = Weight,
        ServiceCreditPercent = ServiceCreditPercent,
        Status = Status,
        ChangedFields = [.. changedFields],
        ChangedBy = changedBy,
        ChangedAt = at,
    };
}
