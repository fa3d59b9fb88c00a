namespace Sourcing.Sla.Measurements;

/// <summary>
/// One row of an upload as it arrived, before validation: text as sent (a JSON number already
/// parsed), with any structural problem the reader met (a field of the wrong JSON type, a CSV line
/// with too few fields or an unclosed quote).
/// </summary>
public sealed class RawMeasurement
{
    /// <summary>The JSON array index (from 0) or the CSV line number (from 1); 0 for a single measurement.</summary>
    public long Position { get; set; }

    public string? SlaId { get; set; }

    /// <summary>The SLA id when the reader parsed it already (CSV), sparing a string per row.</summary>
    public Guid? SlaGuid { get; set; }

    public string? Period { get; set; }

    /// <summary>The period's date when the reader parsed it already (CSV).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The value as text (CSV, or a JSON string); null when it came as a JSON number.</summary>
    public string? ValueText { get; set; }

    /// <summary>The value when it came as a JSON number (or the CSV reader parsed it already).</summary>
    public decimal? ValueNumber { get; set; }

    /// <summary>Problems found while reading the row: the field (null for the whole row) and the rule.</summary>
    public List<(string? Field, string Rule)>? Problems { get; private set; }

    public void AddProblem(string? field, string rule) => (Problems ??= []).Add((field, rule));
}
