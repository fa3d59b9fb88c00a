using System.Text.Json;

namespace Sourcing.Risk.Advice;

/// <summary>The priorities a tenant weighs, 0 to 3 each (DOMAIN.md, "Strategy advice"), by their JSON names.</summary>
public static class Priorities
{
    public const string Cost = "cost";
    public const string Control = "control";
    public const string Flexibility = "flexibility";
    public const string Speed = "speed";
    public const string Market = "market";
    public const string Coverage = "coverage";
    public const string Skills = "skills";
    public const string Scale = "scale";

    /// <summary>Willingness to invest: not a fit but the bound the option's investment is held against.</summary>
    public const string Investment = "investment";

    /// <summary>The priorities that options fit, in the table's column order.</summary>
    public static readonly IReadOnlyList<string> Fitted = [Cost, Control, Flexibility, Speed, Market, Coverage, Skills, Scale];

    public static readonly IReadOnlyList<string> All = [.. Fitted, Investment];

    public static string Describe(string priority) => priority switch
    {
        Cost => "cost",
        Control => "control and quality",
        Flexibility => "flexibility",
        Speed => "speed to start",
        Market => "presence in a foreign market",
        Coverage => "round-the-clock coverage",
        Skills => "access to skills",
        Scale => "workforce scale",
        Investment => "willingness to invest",
        _ => priority,
    };
}

/// <summary>When an option applies (DOMAIN.md's last column).</summary>
public static class Applicability
{
    /// <summary>Always.</summary>
    public const string Always = "always";

    /// <summary>A task or project, or needed under 12 months.</summary>
    public const string Task = "task";

    /// <summary>A whole process needed 12 months or more.</summary>
    public const string Bpo = "bpo";

    /// <summary>Needed 24 months or more.</summary>
    public const string LongTerm = "long-term";
}

/// <summary>One row of the options table.</summary>
public sealed record StrategyOption(
    string Code,
    string Label,
    bool Abroad,
    string? SourceKind,
    string Applies,
    IReadOnlyDictionary<string, int> Fit,
    int Investment,
    string Reason);

/// <summary>
/// The options table, shipped as one data file (Advice/strategy-options.json, embedded in the assembly) so that
/// its figures and reasons are read and changed in one place.
/// </summary>
public static class StrategyOptions
{
    private static readonly Lazy<IReadOnlyList<StrategyOption>> Table = new(Load);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<StrategyOption> All => Table.Value;

    private sealed record File(string Source, List<StrategyOption> Options);

    private static IReadOnlyList<StrategyOption> Load()
    {
        using var stream = typeof(StrategyOptions).Assembly.GetManifestResourceStream("strategy-options.json")
            ?? throw new InvalidOperationException("The embedded strategy-options.json is missing.");
        var file = JsonSerializer.Deserialize<File>(stream, Json)
            ?? throw new InvalidOperationException("strategy-options.json is empty.");
        foreach (var option in file.Options)
        {
            var missing = Priorities.Fitted.Where(p => !option.Fit.ContainsKey(p)).ToList();
            if (missing.Count > 0 || option.Fit.Values.Any(v => v is < 0 or > 3) || option.Investment is < 0 or > 3)
            {
                throw new InvalidOperationException($"strategy-options.json: option {option.Code} needs a fit of 0 to 3 for {string.Join(", ", Priorities.Fitted)} and an investment of 0 to 3.");
            }
        }

        return file.Options;
    }
}
