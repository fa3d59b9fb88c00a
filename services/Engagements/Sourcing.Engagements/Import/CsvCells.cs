using System.Globalization;

namespace Sourcing.Engagements.Import;

/// <summary>A bad cell or row of an import: where it is (line of the file, column), what it holds and the rule it breaks.</summary>
public sealed record ImportError(int Line, string Column, string? Value, string Rule);

/// <summary>One data record of a CSV file: its first line and its cells by column name.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, string> cells)
{
    public int Line { get; } = line;

    /// <summary>Numbers use a decimal comma (a semicolon-separated file, as Excel writes it where that is the custom).</summary>
    public bool DecimalComma { get; init; }

    public List<ImportError> Errors { get; } = [];

    public string? Raw(string column) => cells.TryGetValue(column, out var value) ? value : null;

    /// <summary>The cell, trimmed; null when empty or absent.</summary>
    public string? Text(string column) => string.IsNullOrWhiteSpace(Raw(column)) ? null : Raw(column)!.Trim();

    public void Fail(string column, string rule) => Errors.Add(new ImportError(Line, column, Raw(column), rule));

    public List<string>? List(string column) =>
        Text(column) is { } text ? [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null;

    public int? WholeNumber(string column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Fail(column, "is not a whole number.");
        return null;
    }

    public decimal? Number(string column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        var number = DecimalComma && !text.Contains('.', StringComparison.Ordinal) ? text.Replace(',', '.') : text;
        if (decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Fail(column, DecimalComma
            ? "is not a number (use a comma or a dot for decimals, no thousands separators)."
            : "is not a number (use a dot for decimals, no thousands separators).");
        return null;
    }

    public bool? Bool(string column)
    {
        switch (Text(column)?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "1":
                return true;
            case "false" or "no" or "0":
                return false;
            default:
                Fail(column, "must be true or false.");
                return null;
        }
    }

    public DateOnly? Date(string column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Fail(column, "is not a date (yyyy-MM-dd).");
        return null;
    }

    public Guid? Id(string column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        if (System.Guid.TryParse(text, out var value))
        {
            return value;
        }

        Fail(column, "is not an id (a GUID).");
        return null;
    }
}
