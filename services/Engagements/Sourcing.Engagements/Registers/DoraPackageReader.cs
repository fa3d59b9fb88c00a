using System.IO.Compression;
using System.Text;

namespace Sourcing.Engagements.Registers;

/// <summary>One data row of an imported template, its cells by column code; Line is the row's number after the header.</summary>
public sealed record ImportedRow(string Template, int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v.Trim() : "";

    public string? Optional(string column) => this[column] is { Length: > 0 } v ? v : null;
}

/// <summary>A rejected row of an import: where, and why.</summary>
public sealed record ImportRejection(string Template, int Row, string Column, string Message);

/// <summary>
/// Reads an xBRL-CSV register package (ours or another tool's): the templates' CSV files wherever
/// they sit under reports/, by their column codes (in any order), and parameters.csv. A missing
/// template file reads as an empty table.
/// </summary>
public sealed class DoraPackageReader
{
    private readonly Dictionary<string, List<ImportedRow>> _tables = new(StringComparer.Ordinal);

    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public List<ImportRejection> Problems { get; } = [];

    /// <summary>Why the body cannot be read as a package at all (not a ZIP, or a file that expands beyond the limit); null when it can.</summary>
    public string? BodyProblem { get; private set; }

    /// <summary>The most one file of a package may expand to: the 50 MiB body limit bounds the ZIP, this bounds what it inflates to.</summary>
    public const long MaxEntryBytes = 64L * 1024 * 1024;

    public IReadOnlyList<ImportedRow> Rows(DoraTemplate template) => _tables.TryGetValue(template.Code, out var rows) ? rows : [];

    public static DoraPackageReader Read(Stream zip)
    {
        var reader = new DoraPackageReader();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            reader.BodyProblem = "is not a ZIP file (send the xBRL-CSV register package as the request body).";
            return reader;
        }

        using (archive)
        {
            try
            {
                reader.ReadEntries(archive);
            }
            catch (InvalidDataException e)
            {
                // A damaged entry (bad CRC, truncated data) surfaces only when it is read.
                reader.BodyProblem = $"is not a valid ZIP file ({e.Message})";
            }
        }

        if (reader.BodyProblem is not null)
        {
            return reader;
        }

        if (reader.Rows(DoraTemplates.B0101).Count == 0 && reader.Problems.Count == 0)
        {
            reader.Problems.Add(new ImportRejection("B_01.01", 0, "c0010", "the package has no reports/b_01.01.csv row: it names no reporting entity."));
        }

        return reader;
    }

    private void ReadEntries(ZipArchive archive)
    {
        var byFile = DoraTemplates.All.ToDictionary(t => t.FileName, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            var path = entry.FullName.Replace('\\', '/');
            var file = path[(path.LastIndexOf('/') + 1)..];
            if (!path.Contains("reports/", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The declared size is enforced while inflating, so checking it bounds what a crafted ZIP can expand to.
            if (entry.Length > MaxEntryBytes)
            {
                BodyProblem = $"holds {path}, which expands to more than {MaxEntryBytes / (1024 * 1024)} MiB.";
                return;
            }

            if (file.Equals("parameters.csv", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var r in RegisterCsv.Read(Text(entry)).Skip(1).Where(r => r.Length >= 2))
                {
                    Parameters[r[0].Trim()] = r[1].Trim();
                }
            }
            else if (byFile.TryGetValue(file, out var template))
            {
                ReadTable(template, Text(entry));
            }
        }
    }

    private void ReadTable(DoraTemplate template, string text)
    {
        var records = RegisterCsv.Read(text);
        if (records.Count == 0)
        {
            return;
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var unknown in header.Where(h => h.Length > 0 && !template.Columns.Contains(h)))
        {
            Problems.Add(new ImportRejection(template.Code, 0, unknown, $"{unknown} is not a column of {template.Code}."));
        }

        var rows = new List<ImportedRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var record = records[i];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                Problems.Add(new ImportRejection(template.Code, i, "", $"the row has {record.Length} cells and the header {header.Length}."));
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                cells[header[c]] = record[c];
            }

            rows.Add(new ImportedRow(template.Code, i, cells));
        }

        _tables[template.Code] = rows;
    }

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
