using System.Text;

namespace Sourcing.Engagements.Registers;

/// <summary>RFC 4180 for the register's tables: cells quoted only when they hold a comma, a quote or a line break; values written exactly (no formula escaping, which would change them).</summary>
public static class RegisterCsv
{
    public static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    /// <summary>Writes one record (its cells quoted as <see cref="Quote"/> says) and the writer's line end.</summary>
    public static void WriteRow(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Quote(cells[i]));
        }

        writer.WriteLine();
    }

    /// <summary>Reads every record of a CSV text (quoted fields may hold commas, doubled quotes and line breaks); a UTF-8 BOM is skipped.</summary>
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add([.. record]);
                record.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add([.. record]);
        }

        return records;
    }
}
