namespace Sourcing.Engagements.Registers;

/// <summary>
/// One template of the DORA register of information (Commission Implementing Regulation (EU)
/// 2024/2956) as the EBA taxonomy 4.0 lays it out in xBRL-CSV: its file, its column codes in order,
/// the columns of its primary key, and the columns that refer to a contract of B_02.01.
/// </summary>
public sealed record DoraTemplate(string Code, IReadOnlyList<string> Columns, IReadOnlyList<string> Key, IReadOnlyList<string> ContractColumns)
{
    /// <summary>The file in reports/: b_01.01.csv.</summary>
    public string FileName => $"b_{Code[2..]}.csv";

    /// <summary>Key columns that may be empty (B_04.01's branch code when the user is not a branch).</summary>
    public IReadOnlyList<string> OptionalKey { get; init; } = [];

    /// <summary>
    /// Rows keyed by the contract in c0010: all of a contract's rows are written together when the
    /// arrangements come in contract order, so the checks need keep only the current contract's keys.
    /// </summary>
    public bool PerContract { get; init; }

    public int IndexOf(string column) => Columns.ToList().IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException($"{Code} has no column {column}.", nameof(column));
}

/// <summary>The fifteen templates in their reporting order.</summary>
public static class DoraTemplates
{
    public const string TaxonomyVersion = "4.0";

    /// <summary>The EBA DORA module entry point that reports/report.json extends.</summary>
    public const string ModuleUrl = "http://www.eba.europa.eu/eu/fr/xbrl/crr/fws/dora/4.0/mod/dora.json";

    /// <summary>The module code and version in the package's file name (DORA 1.1.0 of framework 4.0).</summary>
    public const string ModuleInFileName = "DORA010100";

    private static string[] Cols(int last, params int[] extra) =>
        [.. Enumerable.Range(1, last).Select(i => $"c{i * 10:0000}").Concat(extra.Select(e => $"c{e:0000}"))];

    public static readonly DoraTemplate B0101 = new("B_01.01", Cols(6), ["c0010"], []);
    public static readonly DoraTemplate B0102 = new("B_01.02", Cols(11), ["c0010"], []);
    public static readonly DoraTemplate B0103 = new("B_01.03", Cols(4), ["c0010", "c0020"], []);
    public static readonly DoraTemplate B0201 = new("B_02.01", Cols(5), ["c0010"], ["c0030"]) { PerContract = true };
    public static readonly DoraTemplate B0202 = new("B_02.02", Cols(18), ["c0010", "c0020", "c0030", "c0050", "c0060", "c0130", "c0150", "c0160"], ["c0010"]) { PerContract = true };
    public static readonly DoraTemplate B0203 = new("B_02.03", Cols(3), ["c0010", "c0020"], ["c0010", "c0020"]) { PerContract = true };
    public static readonly DoraTemplate B0301 = new("B_03.01", Cols(3), ["c0010", "c0020"], ["c0010"]) { PerContract = true };
    public static readonly DoraTemplate B0302 = new("B_03.02", Cols(3), ["c0010", "c0020"], ["c0010"]) { PerContract = true };
    public static readonly DoraTemplate B0303 = new("B_03.03", ["c0010", "c0020", "c0031"], ["c0010", "c0020"], ["c0010"]) { PerContract = true };
    public static readonly DoraTemplate B0401 = new("B_04.01", Cols(4), ["c0010", "c0020", "c0040"], ["c0010"]) { OptionalKey = ["c0040"], PerContract = true };
    public static readonly DoraTemplate B0501 = new("B_05.01", Cols(12), ["c0010", "c0020"], []);
    public static readonly DoraTemplate B0502 = new("B_05.02", Cols(7), ["c0010", "c0020", "c0030", "c0040", "c0050"], ["c0010"]) { PerContract = true };
    public static readonly DoraTemplate B0601 = new("B_06.01", Cols(10), ["c0010", "c0040"], []);
    public static readonly DoraTemplate B0701 = new("B_07.01", Cols(12), ["c0010", "c0020", "c0040"], ["c0010"]) { PerContract = true };
    public static readonly DoraTemplate B9901 = new("B_99.01", Cols(19), [], []);

    public static readonly IReadOnlyList<DoraTemplate> All = [B0101, B0102, B0103, B0201, B0202, B0203, B0301, B0302, B0303, B0401, B0501, B0502, B0601, B0701, B9901];

    public static readonly IReadOnlyDictionary<string, DoraTemplate> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);
}
