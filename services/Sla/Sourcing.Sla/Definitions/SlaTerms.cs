namespace Sourcing.Sla.Definitions;

/// <summary>The words of an SLA's direction: is a higher value better (at-least) or a lower one (at-most)?</summary>
public static class SlaDirections
{
    public const string AtLeast = "at-least";
    public const string AtMost = "at-most";

    public static readonly IReadOnlyList<string> All = [AtLeast, AtMost];
}

/// <summary>How often an SLA is measured: one value per day, per ISO week (Monday to Sunday) or per calendar month.</summary>
public static class SlaPeriodKinds
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";

    public static readonly IReadOnlyList<string> All = [Daily, Weekly, Monthly];

    /// <summary>How many periods a contract year holds, to turn an annual value into a period's fee.</summary>
    public static int PeriodsPerYear(string kind) => kind switch
    {
        Daily => 365,
        Weekly => 52,
        Monthly => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a period kind."),
    };
}

/// <summary>An SLA is active until it is retired; a retired SLA keeps its history and takes no new measurements.</summary>
public static class SlaStatuses
{
    public const string Active = "active";
    public const string Retired = "retired";
}
