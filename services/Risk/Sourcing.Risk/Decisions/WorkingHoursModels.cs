namespace Sourcing.Risk.Decisions;

/// <summary>A span of time; both ends carry the UTC offset of the place the answer reads it in (HQ's unless said otherwise).</summary>
public sealed record TimeSpanOfDay(DateTimeOffset Start, DateTimeOffset End, decimal Hours);

/// <summary>An engagement delivered at a site.</summary>
public sealed record SiteEngagement(Guid EngagementId, string Name);

/// <summary>
/// A vendor manager's working day against a site's: <see cref="TimeZone"/> is the zone of their
/// digest subscription (the one zone the product holds for a member, which they set themselves),
/// else HQ's (<see cref="TimeZoneSource"/> says which); <see cref="OwnsEngagementHere"/> when one of
/// the site's engagements is theirs.
/// </summary>
public sealed record VendorManagerOverlap(
    Guid UserId, string Name, string TimeZone, string TimeZoneSource, bool OwnsEngagementHere, decimal SharedHours);

/// <summary>
/// A delivery site (one time zone in one country) on the date: its UTC offset at 12:00 UTC, its
/// working hours that fall in HQ's calendar day (read in HQ's offset, for a 24-hour bar), its own
/// working day in its own offset, the hours shared with HQ's working day and when, and with each
/// vendor manager's.
/// </summary>
public sealed record DeliverySiteOverlap(
    string TimeZone,
    string Country,
    string UtcOffset,
    TimeSpanOfDay LocalWorkingDay,
    IReadOnlyList<TimeSpanOfDay> WorkingHours,
    decimal SharedHoursWithHq,
    IReadOnlyList<TimeSpanOfDay> SharedWithHq,
    IReadOnlyList<VendorManagerOverlap> VendorManagers,
    IReadOnlyList<SiteEngagement> Engagements);

/// <summary>A site the answer cannot place (its time zone is not in the tz database).</summary>
public sealed record LeftOutSite(Guid EngagementId, string Name, string Reason);

/// <summary>
/// Working hours shared on a date between HQ and every delivery site of the tenant's active
/// engagements. <see cref="HqDay"/> is HQ's calendar day (23, 24 or 25 hours), the frame of the bars.
/// </summary>
public sealed record WorkingHoursResponse(
    DateOnly Date,
    string HqTimeZone,
    string HqUtcOffset,
    string WorkingDay,
    TimeSpanOfDay HqDay,
    TimeSpanOfDay HqWorkingDay,
    IReadOnlyList<DeliverySiteOverlap> Sites,
    IReadOnlyList<LeftOutSite> LeftOut);
