namespace Sourcing.Contracts;

/// <summary>An SLA is active until it is retired; a retired SLA keeps its history and takes no new measurements.</summary>
public static class SlaStatuses
{
    public const string Active = "active";
    public const string Retired = "retired";

    public static IReadOnlyList<string> All { get; } = [Active, Retired];

    public static bool IsKnown(string? value) => value is Active or Retired;

    /// <summary>The status itself when it is one of <see cref="All"/>; otherwise a <see cref="FormatException"/>.</summary>
    public static string Parse(string? value) =>
        IsKnown(value) ? value! : throw new FormatException($"'{value}' is not an SLA status (one of: {string.Join(", ", All)}).");
}
