namespace Sourcing.Sla.Measurements;

/// <summary>
/// What one batch did: rows received; periods recorded for the first time, replaced with a
/// different value, or left as they were (the same value sent again); breaches among the changes.
/// </summary>
public sealed record IngestionResult(Guid BatchId, long Rows, long Recorded, long Replaced, long Unchanged, long Breaches);

/// <summary>The outcome of an upload: a result, or the bad rows, or a refusal for size.</summary>
public sealed record IngestionOutcome(IngestionResult? Result, Sourcing.ServiceDefaults.Validation.ValidationErrors? Errors, string? TooLarge);
