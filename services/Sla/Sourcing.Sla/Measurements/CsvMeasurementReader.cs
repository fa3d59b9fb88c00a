using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// Reads a CSV upload line by line (never the whole file): a header naming the columns slaId,
/// period and value (any order, any case; other columns are ignored), then one measurement per
/// line. Fields may be quoted with double quotes ("" for a quote inside); blank lines are skipped.
/// </summary>
public static class CsvMeasurementReader
{
    public static readonly string[] Columns = ["slaId", "period", "value"];

    public static async IAsyncEnumerable<RawMeasurement> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new MalformedUploadException("line 1", "must be the header naming the columns slaId, period, value; the upload is empty.");
        }

        var names = Split(header, out var headerError);
        if (headerError is not null)
        {
            throw new MalformedUploadException("line 1", $"is not a valid CSV header: {headerError}");
        }

        var index = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = names.FindIndex(n => string.Equals(n.Trim(), Columns[c], StringComparison.OrdinalIgnoreCase));
        }

        if (index.Any(i => i < 0))
        {
            throw new MalformedUploadException(
                "line 1",
                $"must be a header naming the columns {string.Join(", ", Columns)} (found: {string.Join(", ", names.Select(n => n.Trim()))}).");
        }

        var needed = index.Max() + 1;
        var starts = new int[needed + 1];
        long line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var row = new RawMeasurement { Position = line };
            if (TryReadPlain(text, index, starts, row))
            {
                yield return row;
                continue;
            }

            var fields = Split(text, out var error);
            if (error is not null)
            {
                row.AddProblem(null, $"is malformed CSV: {error}");
            }
            else if (fields.Count < needed)
            {
                row.AddProblem(null, $"has {fields.Count} field(s); the header names {names.Count}.");
            }
            else
            {
                row.SlaId = fields[index[0]].Trim();
                row.Period = fields[index[1]].Trim();
                row.ValueText = fields[index[2]].Trim();
            }

            yield return row;
        }
    }

    /// <summary>
    /// The common case without allocating a string per field: no quotes, enough fields, and each of
    /// the three parsed straight from the line (a field that does not parse is kept as text for the
    /// validator to name). False sends the line to the general reader.
    /// </summary>
    private static bool TryReadPlain(string text, int[] index, int[] starts, RawMeasurement row)
    {
        if (text.Contains('"', StringComparison.Ordinal))
        {
            return false;
        }

        // starts[k] = where field k begins; starts[k + 1] - 1 = the comma (or end) after it.
        var needed = starts.Length - 1;
        starts[0] = 0;
        var field = 0;
        for (var i = 0; i < text.Length && field < needed; i++)
        {
            if (text[i] == ',')
            {
                starts[++field] = i + 1;
            }
        }

        if (field < needed)
        {
            if (field == needed - 1)
            {
                starts[needed] = text.Length + 1;
            }
            else
            {
                return false;
            }
        }

        ReadOnlySpan<char> Field(int k) => text.AsSpan(starts[index[k]], starts[index[k] + 1] - 1 - starts[index[k]]).Trim();

        var sla = Field(0);
        if (Guid.TryParse(sla, out var slaId))
        {
            row.SlaGuid = slaId;
        }
        else
        {
            row.SlaId = sla.ToString();
        }

        var period = Field(1);
        if (DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            row.Date = date;
        }
        else
        {
            row.Period = period.ToString();
        }

        var value = Field(2);
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            row.ValueNumber = number;
        }
        else
        {
            row.ValueText = value.ToString();
        }

        return true;
    }

    /// <summary>Splits one line into fields; an error when a quote is not closed or text follows a closing quote.</summary>
    internal static List<string> Split(string line, out string? error)
    {
        error = null;
        var fields = new List<string>(4);
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            var start = 0;
            for (var i = 0; i <= line.Length; i++)
            {
                if (i == line.Length || line[i] == ',')
                {
                    fields.Add(line[start..i]);
                    start = i + 1;
                }
            }

            return fields;
        }

        var current = new StringBuilder();
        var pos = 0;
        while (true)
        {
            current.Clear();
            if (pos < line.Length && line[pos] == '"')
            {
                pos++;
                var closed = false;
                while (pos < line.Length)
                {
                    if (line[pos] == '"')
                    {
                        if (pos + 1 < line.Length && line[pos + 1] == '"')
                        {
                            current.Append('"');
                            pos += 2;
                            continue;
                        }

                        closed = true;
                        pos++;
                        break;
                    }

                    current.Append(line[pos++]);
                }

                if (!closed)
                {
                    error = "a quoted field is not closed.";
                    return fields;
                }

                if (pos < line.Length && line[pos] != ',')
                {
                    error = $"text follows a closing quote at column {pos + 1}.";
                    return fields;
                }
            }
            else
            {
                while (pos < line.Length && line[pos] != ',')
                {
                    if (line[pos] == '"')
                    {
                        error = $"a quote inside an unquoted field at column {pos + 1}.";
                        return fields;
                    }

                    current.Append(line[pos++]);
                }
            }

            fields.Add(current.ToString());
            if (pos >= line.Length)
            {
                return fields;
            }

            pos++; // the comma
        }
    }
}
