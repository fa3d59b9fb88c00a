using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Scores;

/// <summary>An engagement's current scores, band and breakdown (one row per engagement, replaced by each recompute).</summary>
public sealed class EngagementScore : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid EngagementId { get; set; }

    public decimal? Quality { get; set; }

    public decimal? Dependency { get; set; }

    public decimal? Geopolitical { get; set; }

    public decimal? Composite { get; set; }

    public string? Band { get; set; }

    /// <summary>Annual cost in the reporting currency the dependency score used (null when unknown or not active).</summary>
    public decimal? Cost { get; set; }

    /// <summary>When the recompute that last wrote this row (a change) ran; the tenant's latest recompute is in <c>tenant_recomputes</c>.</summary>
    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>When a score or the band last changed.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>JSON: the factors of each score and the findings (see <see cref="ScoreBreakdown"/>).</summary>
    public string Breakdown { get; set; } = "{}";
}

/// <summary>A point of an engagement's score history, written whenever a score or the band changes.</summary>
public sealed class ScoreHistoryPoint : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid EngagementId { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public decimal? Quality { get; set; }

    public decimal? Dependency { get; set; }

    public decimal? Geopolitical { get; set; }

    public decimal? Composite { get; set; }

    public string? Band { get; set; }
}
