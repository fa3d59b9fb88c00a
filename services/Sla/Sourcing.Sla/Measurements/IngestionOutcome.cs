namespace Sourcing.Sla.Measurements;

/// <summary>The outcome of an upload: a result, or the bad rows, or a refusal for size.</summary>
public sealed record IngestionOutcome(IngestionResult? Result, Sourcing.ServiceDefaults.Validation.ValidationErrors? Errors, string? TooLarge);
