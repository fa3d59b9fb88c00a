namespace Sourcing.Engagements.Registers;

/// <summary>The register of information as rows per template, before it is written; identical rows kept once.</summary>
public sealed class DoraRegister
{
    private readonly Dictionary<string, List<string[]>> _rows = DoraTemplates.All.ToDictionary(t => t.Code, _ => new List<string[]>(), StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string[]>> _seen = DoraTemplates.All.ToDictionary(t => t.Code, _ => new HashSet<string[]>(RowComparer.Instance), StringComparer.Ordinal);

    // Each distinct cell value kept once: most cells repeat (codes, countries, dates, LEIs), so a
    // register of tens of thousands of rows holds a few thousand strings, not one per cell.
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public required string ReportingEntityLei { get; init; }

    public required string Consolidation { get; init; }

    public required string Country { get; init; }

    public required string Currency { get; init; }

    public required DateOnly ReferenceDate { get; init; }

    /// <summary>Filing indicators the reporter declared; a template not named is reported when it has rows.</summary>
    public required IReadOnlyDictionary<string, bool> DeclaredFilingIndicators { get; init; }

    public IReadOnlyList<string[]> Rows(DoraTemplate template) => _rows[template.Code];

    public void Add(DoraTemplate template, params string?[] cells)
    {
        if (cells.Length != template.Columns.Count)
        {
            throw new ArgumentException($"{template.Code} has {template.Columns.Count} columns, not {cells.Length}.", nameof(cells));
        }

        var row = Array.ConvertAll(cells, Value);
        if (_seen[template.Code].Add(row))
        {
            _rows[template.Code].Add(row);
        }
    }

    private string Value(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }

        if (!_values.TryGetValue(cell, out var kept))
        {
            _values[cell] = kept = cell;
        }

        return kept;
    }

    public bool Reported(DoraTemplate template) =>
        DeclaredFilingIndicators.TryGetValue(template.Code, out var declared) ? declared : Rows(template).Count > 0;

    /// <summary>The package's name by the EBA filing rules: LEI.CON_CC_DORA010100_DORA_refdate_timestamp.</summary>
    public string PackageName(DateTimeOffset createdAt) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{ReportingEntityLei}.{Consolidation}_{Country}_{DoraTemplates.ModuleInFileName}_DORA_{ReferenceDate:yyyy-MM-dd}_{createdAt.UtcDateTime:yyyyMMddHHmmssfff}");

    /// <summary>Rows are equal when every cell is (ordinal): identical rows are kept once without a joined copy of each.</summary>
    private sealed class RowComparer : IEqualityComparer<string[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(string[] row)
        {
            var hash = new HashCode();
            foreach (var cell in row)
            {
                hash.Add(cell, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
