using System.IO.Compression;
using System.Text;

namespace Sourcing.SystemTests.Registers;

/// <summary>A DORA package read back: its root folder, and each file's CSV records (header first).</summary>
public sealed class DoraPackageReader
{
    public DoraPackageReader(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            Files[entry.FullName] = reader.ReadToEnd();
        }

        Root = Files.Keys.First().Split('/')[0];
    }

    public string Root { get; }

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public string Text(string path) => Files[$"{Root}/{path}"];

    /// <summary>The records of reports/&lt;file&gt;, header first.</summary>
    public List<string[]> Table(string file) => Csv(Text($"reports/{file}"));

    /// <summary>The rows of a template file as header-keyed dictionaries.</summary>
    public List<Dictionary<string, string>> Rows(string file)
    {
        var table = Table(file);
        return [.. table.Skip(1).Select(r => table[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => r[x.i], StringComparer.Ordinal))];
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, doubled quotes, line breaks); CRLF or LF.</summary>
    public static List<string[]> Csv(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
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
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add([.. record]);
                record.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }
}
