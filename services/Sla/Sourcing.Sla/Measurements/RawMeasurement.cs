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

/// <summary>How an upload names a row's field in its errors.</summary>
public enum RowNaming
{
    /// <summary><c>rows[3].value</c>: the index in the JSON array.</summary>
    JsonArray,

    /// <summary><c>line 5, column value</c>: the line in the CSV file.</summary>
    Csv,

    /// <summary><c>value</c>: a single measurement's own field.</summary>
    OneMeasurement,
}

public static class RowNames
{
    public static string Of(RowNaming naming, long position, string? field) => naming switch
    {
        RowNaming.JsonArray => field is null ? $"rows[{position}]" : $"rows[{position}].{field}",
        RowNaming.Csv => field is null ? $"line {position}" : $"line {position}, column {field}",
        _ => field ?? "body",
    };
}

/// <summary>An upload that cannot be read on (malformed JSON, no CSV header): the field and the rule.</summary>
public sealed class MalformedUploadException(string field, string rule) : Exception($"{field}: {rule}")
{
    public string Field { get; } = field;

    public string Rule { get; } = rule;
}
