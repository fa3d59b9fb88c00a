namespace Sourcing.Contracts;

/// <summary>The words of an SLA's direction: is a higher value better (at-least) or a lower one (at-most)?</summary>
public static class SlaDirections
{
    public const string AtLeast = "at-least";
    public const string AtMost = "at-most";

    public static IReadOnlyList<string> All { get; } = [AtLeast, AtMost];

    public static bool IsKnown(string? value) => value is AtLeast or AtMost;

    /// <summary>The direction itself when it is one of <see cref="All"/>; otherwise a <see cref="FormatException"/>.</summary>
    public static string Parse(string? value) =>
        IsKnown(value) ? value! : throw new FormatException($"'{value}' is not an SLA direction (one of: {string.Join(", ", All)}).");
}
