namespace Sourcing.Sla.Measurements;

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
