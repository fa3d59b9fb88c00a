namespace Sourcing.Engagements.Registers;

/// <summary>One reason the supervisor would reject the package: the rule, the template, the row's key and the column.</summary>
public sealed record DoraViolation(string Rule, string Template, int Row, string RowKey, string Column, string Message);

/// <summary>
/// The four checks that make a supervisor reject a register of information (EBA filing rules 805,
/// 806, 807 and the filing indicators): they block the export. Pure; rows are numbered from 1 after the header.
/// </summary>
public static class DoraChecks
{
    public const string EmptyKey = "empty-primary-key";
    public const string DuplicateKey = "duplicate-primary-key";
    public const string MissingContract = "contract-missing-from-B_02.01";
    public const string FilingIndicator = "filing-indicator-disagrees";

    public static List<DoraViolation> Run(DoraRegister register)
    {
        var violations = new List<DoraViolation>();
        var contracts = register.Rows(DoraTemplates.B0201).Select(r => r[0]).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var template in DoraTemplates.All)
        {
            // Column positions once per template, not per row: a register has tens of thousands of rows.
            var keyIndexes = template.Key.Select(template.IndexOf).ToArray();
            var required = template.Key.Except(template.OptionalKey).Select(c => (Column: c, Index: template.IndexOf(c))).ToArray();
            var contractColumns = template.ContractColumns.Select(c => (Column: c, Index: template.IndexOf(c))).ToArray();
            var keyCells = new string[keyIndexes.Length];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = register.Rows(template);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                for (var k = 0; k < keyIndexes.Length; k++)
                {
                    keyCells[k] = row[keyIndexes[k]];
                }

                var key = string.Join(" | ", keyCells);
                foreach (var (column, index) in required)
                {
                    if (row[index].Length == 0)
                    {
                        violations.Add(new DoraViolation(EmptyKey, template.Code, i + 1, key, column, $"{column} is part of {template.Code}'s primary key and is empty."));
                    }
                }

                if (keyIndexes.Length > 0 && !seen.TryAdd(key, i + 1))
                {
                    violations.Add(new DoraViolation(
                        DuplicateKey, template.Code, i + 1, key, string.Join("+", template.Key),
                        $"the key ({string.Join(", ", template.Key)}) = ({key}) is on row {seen[key]} too, with other values."));
                }

                foreach (var (column, index) in contractColumns)
                {
                    var value = row[index];
                    if (value.Length > 0 && !contracts.Contains(value))
                    {
                        violations.Add(new DoraViolation(
                            MissingContract, template.Code, i + 1, key, column, $"{column} names contract '{value}', which is not a row of B_02.01."));
                    }
                }
            }

            if (register.DeclaredFilingIndicators.TryGetValue(template.Code, out var declared) && declared != rows.Count > 0)
            {
                violations.Add(new DoraViolation(
                    FilingIndicator, template.Code, 0, "", "reported",
                    declared
                        ? $"the filing indicator declares {template.Code} reported, but the table is empty."
                        : $"the filing indicator declares {template.Code} not reported, but the table has {rows.Count} rows."));
            }
        }

        return violations;
    }
}
