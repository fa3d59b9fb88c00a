namespace Sourcing.Engagements.Registers;

/// <summary>One reason the supervisor would reject the package: the rule, the template, the row's key and the column.</summary>
public sealed record DoraViolation(string Rule, string Template, int Row, string RowKey, string Column, string Message);

/// <summary>
/// The four checks that make a supervisor reject a register of information (EBA filing rules 805,
/// 806, 807 and the filing indicators): they block the export. Fed row by row as the register is
/// built (rows numbered from 1 after the header, per template), so that the rows need not be kept:
/// the templates keyed by contract (<see cref="DoraTemplate.PerContract"/>) must receive their rows
/// contract by contract, and only the current contract's keys and rows are held for them; besides
/// those, the checks hold every contract reference of B_02.01 and the keys of the templates that are
/// not per contract (entities, branches, providers, functions). Pure.
/// </summary>
public sealed class DoraChecks
{
    public const string EmptyKey = "empty-primary-key";
    public const string DuplicateKey = "duplicate-primary-key";
    public const string MissingContract = "contract-missing-from-B_02.01";
    public const string FilingIndicator = "filing-indicator-disagrees";

    private readonly Dictionary<string, Table> _tables = DoraTemplates.All.ToDictionary(t => t.Code, t => new Table(t), StringComparer.Ordinal);
    private readonly Table[] _perContract;
    private readonly HashSet<string> _contracts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _contractsBegun = new(StringComparer.Ordinal);
    private readonly List<DoraViolation> _violations = [];
    private readonly List<(DoraViolation Violation, string Contract)> _unresolved = [];
    private string? _contract;
    private IReadOnlyList<DoraViolation>? _result;

    public DoraChecks() => _perContract = [.. _tables.Values.Where(t => t.Template.PerContract)];

    /// <summary>The rows a template has so far (identical rows counted once).</summary>
    public int Count(DoraTemplate template) => _tables[template.Code].Count;

    /// <summary>
    /// Checks one row and numbers it; false when it is identical to a row of the template already
    /// accepted (kept once: the caller drops it). Throws when a per-contract template's row names a
    /// contract whose rows were already followed by another contract's.
    /// </summary>
    public bool Accept(DoraTemplate template, string[] row)
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The checks are complete; no row can be added.");
        }

        var table = _tables[template.Code];
        if (template.PerContract)
        {
            Enter(row[0]);
        }

        if (!table.Rows.Add(row))
        {
            return false;
        }

        var number = ++table.Count;
        var key = table.Key(row);
        foreach (var (column, index) in table.Required)
        {
            if (row[index].Length == 0)
            {
                _violations.Add(new DoraViolation(EmptyKey, template.Code, number, key, column, $"{column} is part of {template.Code}'s primary key and is empty."));
            }
        }

        if (table.KeyIndexes.Length > 0 && !table.Keys.TryAdd(key, number))
        {
            _violations.Add(new DoraViolation(
                DuplicateKey, template.Code, number, key, string.Join("+", template.Key),
                $"the key ({string.Join(", ", template.Key)}) = ({key}) is on row {table.Keys[key]} too, with other values."));
        }

        if (template == DoraTemplates.B0201 && row[0].Length > 0)
        {
            _contracts.Add(row[0]);
        }

        foreach (var (column, index) in table.ContractColumns)
        {
            var value = row[index];
            if (value.Length > 0 && !_contracts.Contains(value))
            {
                // B_02.01 may list the contract further on (an overarching contract later in order): decided at the end.
                _unresolved.Add((new DoraViolation(
                    MissingContract, template.Code, number, key, column, $"{column} names contract '{value}', which is not a row of B_02.01."), value));
            }
        }

        return true;
    }

    /// <summary>Ends the checks: references still missing from B_02.01, then the filing indicators; violations in template order, then row order.</summary>
    public IReadOnlyList<DoraViolation> Complete(IReadOnlyDictionary<string, bool> declaredFilingIndicators)
    {
        if (_result is not null)
        {
            return _result;
        }

        _violations.AddRange(_unresolved.Where(u => !_contracts.Contains(u.Contract)).Select(u => u.Violation));
        foreach (var template in DoraTemplates.All)
        {
            var rows = _tables[template.Code].Count;
            if (declaredFilingIndicators.TryGetValue(template.Code, out var declared) && declared != rows > 0)
            {
                _violations.Add(new DoraViolation(
                    FilingIndicator, template.Code, int.MaxValue, "", "reported",
                    declared
                        ? $"the filing indicator declares {template.Code} reported, but the table is empty."
                        : $"the filing indicator declares {template.Code} not reported, but the table has {rows} rows."));
            }
        }

        var order = DoraTemplates.All.Select((t, i) => (t.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _result = [.. _violations
            .OrderBy(v => order[v.Template]).ThenBy(v => v.Row)
            .Select(v => v.Row == int.MaxValue ? v with { Row = 0 } : v)];
        return _result;
    }

    /// <summary>Starts a contract's rows: the keys and rows of the per-contract templates are the previous contract's no more.</summary>
    private void Enter(string contract)
    {
        if (string.Equals(contract, _contract, StringComparison.Ordinal))
        {
            return;
        }

        if (!_contractsBegun.Add(contract))
        {
            throw new InvalidOperationException($"Rows of contract '{contract}' came after another contract's rows: the register must be built contract by contract.");
        }

        _contract = contract;
        foreach (var table in _perContract)
        {
            table.Rows.Clear();
            table.Keys.Clear();
        }
    }

    private sealed class Table(DoraTemplate template)
    {
        private readonly string[] _keyCells = new string[template.Key.Count];

        public DoraTemplate Template { get; } = template;

        // Column positions once per template, not per row.
        public int[] KeyIndexes { get; } = [.. template.Key.Select(template.IndexOf)];

        public (string Column, int Index)[] Required { get; } = [.. template.Key.Except(template.OptionalKey).Select(c => (c, template.IndexOf(c)))];

        public (string Column, int Index)[] ContractColumns { get; } = [.. template.ContractColumns.Select(c => (c, template.IndexOf(c)))];

        public HashSet<string[]> Rows { get; } = new(RowComparer.Instance);

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);

        public int Count { get; set; }

        public string Key(string[] row)
        {
            for (var k = 0; k < KeyIndexes.Length; k++)
            {
                _keyCells[k] = row[KeyIndexes[k]];
            }

            return string.Join(" | ", _keyCells);
        }
    }

    /// <summary>Rows are equal when every cell is (ordinal).</summary>
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
