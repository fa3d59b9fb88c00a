namespace Sourcing.Contracts;

/// <summary>
/// How often an SLA is measured: one value per day, per ISO week (Monday to Sunday) or per calendar
/// month. Every service reads the word through <see cref="Parse"/>: an unknown kind is an error,
/// never a silent default.
/// </summary>
public static class SlaPeriodKinds
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";

    public static IReadOnlyList<string> All { get; } = [Daily, Weekly, Monthly];

    public static bool IsKnown(string? value) => value is Daily or Weekly or Monthly;

    /// <summary>The kind itself when it is one of <see cref="All"/>; otherwise a <see cref="FormatException"/>.</summary>
    public static string Parse(string? value) =>
        IsKnown(value) ? value! : throw new FormatException($"'{value}' is not an SLA period kind (one of: {string.Join(", ", All)}).");
}
