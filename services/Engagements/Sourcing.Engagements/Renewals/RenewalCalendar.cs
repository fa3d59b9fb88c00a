using System.Globalization;
using Sourcing.Contracts;

namespace Sourcing.Engagements.Renewals;

/// <summary>One contract's renewal dates, as the calendar reads them (its engagement, its source's name, its terms).</summary>
public sealed record RenewalContract(
    Guid EngagementId,
    string EngagementName,
    string Status,
    Guid? ProviderId,
    string? ProviderName,
    Guid? CaptiveCentreId,
    string? CaptiveCentreName,
    DateOnly ContractEnd,
    int NoticePeriodDays,
    bool AutoRenewal,
    string RenewalDecision,
    decimal? AnnualValue,
    string? Currency)
{
    /// <summary>
    /// The last day to give notice, which is also the day the notice window opens (DOMAIN.md: the
    /// window runs from the contract's end minus its notice period to its end, both included).
    /// </summary>
    public DateOnly NoticeDeadline => ContractEnd.AddDays(-NoticePeriodDays);
}

/// <summary>One month of the calendar: the contracts whose notice window opens in it and those that end in it.</summary>
public sealed record RenewalMonth(string Month, IReadOnlyList<RenewalEntry> NoticeDeadlines, IReadOnlyList<RenewalEntry> ContractEnds);

/// <summary>A contract in a month of the calendar.</summary>
public sealed record RenewalEntry(
    Guid EngagementId,
    string EngagementName,
    string Status,
    Guid? ProviderId,
    string? ProviderName,
    Guid? CaptiveCentreId,
    string? CaptiveCentreName,
    DateOnly ContractEnd,
    int NoticePeriodDays,
    DateOnly NoticeDeadline,
    bool AutoRenewal,
    string RenewalDecision,
    decimal? AnnualValue,
    string? Currency)
{
    public static RenewalEntry From(RenewalContract c) => new(
        c.EngagementId, c.EngagementName, c.Status, c.ProviderId, c.ProviderName, c.CaptiveCentreId, c.CaptiveCentreName,
        c.ContractEnd, c.NoticePeriodDays, c.NoticeDeadline, c.AutoRenewal, c.RenewalDecision, c.AnnualValue, c.Currency);
}

/// <summary>
/// The contract renewal calendar: for each month of a span, the contracts whose notice deadline
/// falls in it and those whose contract ends in it (a contract can be in two months, or twice in one).
/// Pure: the contracts are read by <see cref="RenewalsApi"/>.
/// </summary>
public static class RenewalCalendar
{
    public const int MaxMonths = 24;
    public const int DefaultMonths = 12;

    /// <summary>The first day of the month after the span of <paramref name="months"/> months from <paramref name="first"/>.</summary>
    public static DateOnly EndOf(DateOnly first, int months) => first.AddMonths(months);

    public static IReadOnlyList<RenewalMonth> Build(IEnumerable<RenewalContract> contracts, DateOnly first, int months)
    {
        var list = contracts.ToList();
        var calendar = new List<RenewalMonth>(months);
        for (var i = 0; i < months; i++)
        {
            var start = first.AddMonths(i);
            var next = start.AddMonths(1);
            calendar.Add(new RenewalMonth(
                start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                [.. list.Where(c => c.NoticeDeadline >= start && c.NoticeDeadline < next).OrderBy(c => c.NoticeDeadline).ThenBy(c => c.EngagementName, StringComparer.Ordinal).ThenBy(c => c.EngagementId).Select(RenewalEntry.From)],
                [.. list.Where(c => c.ContractEnd >= start && c.ContractEnd < next).OrderBy(c => c.ContractEnd).ThenBy(c => c.EngagementName, StringComparer.Ordinal).ThenBy(c => c.EngagementId).Select(RenewalEntry.From)]));
        }

        return calendar;
    }

    /// <summary>Reads <c>YYYY-MM</c> (years 1900 to 2999) as the month's first day; null when it is not one.</summary>
    public static DateOnly? ParseMonth(string value) =>
        value.Length == 7
        && DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
        && month.Year is >= 1900 and <= 2999
            ? month
            : null;

    /// <summary>The renewal decision in the contract, undecided when none was recorded.</summary>
    public static string DecisionOf(string? decision) => decision ?? RenewalDecisions.Undecided;
}
