using System.Text;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// The register of information as it is built, row by row: each row is checked (<see cref="DoraChecks"/>),
/// identical rows are kept once, and, when the register is written, the row goes straight to its
/// template's CSV table in a temporary file. No row is held in memory, so an export's memory does not
/// grow with the register. Dispose to delete the temporary files.
/// </summary>
public sealed class DoraRegister : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly DoraChecks _checks = new();
    private readonly Dictionary<string, StreamWriter> _tables = new(StringComparer.Ordinal);
    private IReadOnlyList<DoraViolation>? _violations;

    /// <summary>Where the tables are written (a folder for temporary files); null: the rows are only checked and counted (the readiness view).</summary>
    public string? TableDirectory { get; init; }

    public required string ReportingEntityLei { get; init; }

    public required string Consolidation { get; init; }

    public required string Country { get; init; }

    public required string Currency { get; init; }

    public required DateOnly ReferenceDate { get; init; }

    /// <summary>Filing indicators the reporter declared; a template not named is reported when it has rows.</summary>
    public required IReadOnlyDictionary<string, bool> DeclaredFilingIndicators { get; init; }

    /// <summary>The blocking violations, once the register is complete.</summary>
    public IReadOnlyList<DoraViolation> Violations => _violations ?? throw new InvalidOperationException("The register is not complete.");

    public int Count(DoraTemplate template) => _checks.Count(template);

    public void Add(DoraTemplate template, params string?[] cells)
    {
        if (cells.Length != template.Columns.Count)
        {
            throw new ArgumentException($"{template.Code} has {template.Columns.Count} columns, not {cells.Length}.", nameof(cells));
        }

        var row = Array.ConvertAll(cells, c => c ?? "");
        if (_checks.Accept(template, row) && TableDirectory is not null)
        {
            RegisterCsv.WriteRow(Table(template), row);
        }
    }

    /// <summary>Ends the register: the checks that need every row (contracts named before B_02.01 lists them, filing indicators).</summary>
    public IReadOnlyList<DoraViolation> Complete() => _violations ??= _checks.Complete(DeclaredFilingIndicators);

    public bool Reported(DoraTemplate template) =>
        DeclaredFilingIndicators.TryGetValue(template.Code, out var declared) ? declared : Count(template) > 0;

    /// <summary>Copies the template's CSV table (header row, then its rows in the order added) to the stream.</summary>
    public async Task CopyTableAsync(DoraTemplate template, Stream destination, CancellationToken cancellationToken)
    {
        if (TableDirectory is null)
        {
            throw new InvalidOperationException("This register was only checked, not written.");
        }

        var writer = Table(template);
        await writer.FlushAsync(cancellationToken);
        var file = writer.BaseStream;
        file.Position = 0;
        await file.CopyToAsync(destination, cancellationToken);
        file.Position = file.Length;
    }

    /// <summary>The package's name by the EBA filing rules: LEI.CON_CC_DORA010100_DORA_refdate_timestamp.</summary>
    public string PackageName(DateTimeOffset createdAt) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{ReportingEntityLei}.{Consolidation}_{Country}_{DoraTemplates.ModuleInFileName}_DORA_{ReferenceDate:yyyy-MM-dd}_{createdAt.UtcDateTime:yyyyMMddHHmmssfff}");

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _tables.Values)
        {
            await writer.DisposeAsync();
        }

        _tables.Clear();
    }

    /// <summary>The template's table, opened with its header row on first use; the file deletes itself when closed.</summary>
    private StreamWriter Table(DoraTemplate template)
    {
        if (!_tables.TryGetValue(template.Code, out var writer))
        {
            var file = new FileStream(
                Path.Combine(TableDirectory!, $"sourcing-dora-{Guid.NewGuid():N}.csv"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
                bufferSize: 4096, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            _tables[template.Code] = writer = new StreamWriter(file, Utf8, bufferSize: 16 * 1024) { NewLine = "\r\n" };
            RegisterCsv.WriteRow(writer, template.Columns);
        }

        return writer;
    }
}
