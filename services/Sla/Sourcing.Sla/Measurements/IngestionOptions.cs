namespace Sourcing.Sla.Measurements;

/// <summary>Limits of one measurement upload (section <c>Ingestion</c>); above either the answer is 413.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Most rows one upload may hold (default 1,000,000).</summary>
    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>Largest upload body in bytes (default 128 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Bad rows reported in one answer; the rest are counted.</summary>
    public int MaxReportedErrors { get; set; } = 100;
}
