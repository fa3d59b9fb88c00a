namespace Sourcing.Portal.Api;

/// <summary>The contract renewal calendar as the engagements API computes it: every month of the span, its notice deadlines and contract ends.</summary>
public sealed record RenewalCalendar(string From, int Months, IReadOnlyList<RenewalMonth> Calendar);

/// <summary>One month (YYYY-MM): the contracts whose notice deadline falls in it, and those that end in it.</summary>
public sealed record RenewalMonth(string Month, IReadOnlyList<RenewalEntry> NoticeDeadlines, IReadOnlyList<RenewalEntry> ContractEnds);

/// <summary>A contract in the calendar: its engagement, who does the work, its end, notice deadline and renewal decision.</summary>
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
    string? Currency);
