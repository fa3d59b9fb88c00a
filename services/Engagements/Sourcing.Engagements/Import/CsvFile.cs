using System.Text;
using CsvHelper;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Import;

/// <summary>The columns of one kind of CSV file: those imported, those required in the header, and read-only ones that export adds and import ignores.</summary>
public sealed record CsvColumns(IReadOnlyList<string> Imported, IReadOnlyList<string> Required, IReadOnlyList<string> ReadOnly)
{
    public IReadOnlyList<string> All => [.. Imported, .. ReadOnly];
}

/// <summary>
/// Reads an uploaded CSV file: strict UTF-8 (a byte order mark is allowed), a header row naming
/// known columns, RFC 4180 quoting (a quoted field may hold line breaks). The delimiter is a comma,
/// or a semicolon when the header line holds more semicolons than commas (Excel's CSV where the
/// decimal separator is a comma, as in NL and DE; numbers may then use a decimal comma too). File
/// level problems (encoding, header, broken quoting) go into <see cref="ValidationErrors"/>; a cell
/// holding U+0000 is an error of its row.
/// </summary>
public static class CsvFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<CsvRow>? Read(byte[] bytes, CsvColumns columns, ValidationErrors errors)
    {
        if (bytes.Length == 0)
        {
            errors.Add("body", "is empty: send a CSV file with a header row.");
            return null;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            errors.Add("body", $"is not valid UTF-8 (line {line}, byte offset {offset}); save the file as CSV UTF-8.");
            return null;
        }

        var separator = Delimiter(bytes);
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        try
        {
            using var reader = CsvReader.Create(bytes, options);
            reader.ReadHeader();
            var headers = reader.Headers.Select(h => h.Trim()).ToArray();
            if (!CheckHeader(headers, columns, errors))
            {
                return null;
            }

            var rows = new List<CsvRow>();
            while (reader.Read())
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Length && i < reader.FieldCount; i++)
                {
                    cells[headers[i]] = reader.GetString(i);
                }

                var row = new CsvRow((int)reader.LineNumber, cells) { DecimalComma = separator == ';' };
                foreach (var (column, value) in cells.Where(c => NulCharacter.In(c.Value)))
                {
                    row.Errors.Add(new ImportError(row.Line, column, null, NulCharacter.Rule));
                }

                if (reader.FieldCount != headers.Length)
                {
                    row.Errors.Add(new ImportError(row.Line, "*", null, $"has {reader.FieldCount} fields; the header has {headers.Length}."));
                }

                rows.Add(row);
            }

            if (rows.Count == 0)
            {
                errors.Add("body", "has a header but no data rows.");
                return null;
            }

            return rows;
        }
        catch (CsvFormatException e)
        {
            errors.Add("body", $"is not valid CSV near line {e.LineNumber}: {e.Message}");
            return null;
        }
    }

    /// <summary>The header line's delimiter: ';' when it holds more semicolons than commas outside quotes, else ','.</summary>
    public static char Delimiter(ReadOnlySpan<byte> bytes)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var b in bytes)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b is (byte)'\n' or (byte)'\r')
            {
                break;
            }
            else if (!quoted && b == (byte)',')
            {
                commas++;
            }
            else if (!quoted && b == (byte)';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static bool CheckHeader(string[] headers, CsvColumns columns, ValidationErrors errors)
    {
        var ok = true;
        if (headers.Any(NulCharacter.In))
        {
            errors.Add("header", NulCharacter.Rule);
            return false;
        }

        foreach (var unknown in headers.Where(h => !columns.All.Contains(h, StringComparer.Ordinal)))
        {
            errors.Add("header", $"'{unknown}' is not a column (columns: {string.Join(", ", columns.Imported)}).");
            ok = false;
        }

        foreach (var missing in columns.Required.Where(r => !headers.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add("header", $"the required column '{missing}' is missing.");
            ok = false;
        }

        foreach (var repeated in headers.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add("header", $"the column '{repeated.Key}' appears more than once.");
            ok = false;
        }

        return ok;
    }
}
