using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Import;

/// <summary>
/// One CSV import: its progress while it runs (written in a transaction of its own, so that another
/// request can poll it) and its outcome.
/// </summary>
public sealed class ImportJob : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    /// <summary>providers or engagements.</summary>
    public string Kind { get; set; } = "";

    public bool DryRun { get; set; }

    /// <summary>running, succeeded (written, or a dry run without errors), failed (bad rows: nothing written).</summary>
    public string Status { get; set; } = "";

    /// <summary>reading, validating, writing, done.</summary>
    public string Phase { get; set; } = "";

    public long SizeBytes { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int ErrorCount { get; set; }

    public string? StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
