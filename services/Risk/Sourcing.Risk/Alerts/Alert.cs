using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Alerts;

/// <summary>
/// A risk alert: open, acknowledged or resolved. At most one alert that is not resolved per
/// subject and kind (a unique partial index), so two evaluations at once cannot raise it twice.
/// </summary>
public sealed class Alert : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    /// <summary>"engagement:{id}", "process:{code}", "country:{iso2}" or "sla:{id}".</summary>
    public string Subject { get; set; } = "";

    public string Kind { get; set; } = "";

    public Guid? EngagementId { get; set; }

    public string Severity { get; set; } = "";

    public string Message { get; set; } = "";

    /// <summary>What the cause is measured against (for a band rise: the band it rose from).</summary>
    public string? Baseline { get; set; }

    /// <summary>open, acknowledged or resolved.</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    /// <summary>The member who is to act on it (an admin or vendor manager of the tenant), if anyone.</summary>
    public Guid? AssigneeUserId { get; set; }

    /// <summary>The day it is to be dealt with by, in the tenant's time zone.</summary>
    public DateOnly? DueOn { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public string? AssignedBy { get; set; }
}

public static class AlertStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}
