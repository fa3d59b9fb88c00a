namespace Sourcing.Sla.Measurements;

/// <summary>
/// What one batch did: rows received; periods recorded for the first time, replaced with a
/// different value, or left as they were (the same value sent again); breaches among the changes.
/// </summary>
public sealed record IngestionResult(Guid BatchId, long Rows, long Recorded, long Replaced, long Unchanged, long Breaches);
