using NodaTime;
using Sourcing.Risk.Decisions;
using Sourcing.Risk.ReadModel;

namespace Sourcing.Risk.Tests;

/// <summary>Working hours (09:00-17:00 local) shared between two zones on a date, daylight saving included.</summary>
public sealed class WorkingHoursOverlapTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    private static double Shared(string reference, string other, int year, int month, int day) =>
        WorkingHoursOverlap.Shared(Zone(reference), Zone(other), new LocalDate(year, month, day)).Hours;

    /// <summary>
    /// New York is UTC-5 in winter, -4 from the second Sunday of March (9 March 2025); Berlin UTC+1, +2 from the last
    /// Sunday of March (30 March 2025, at 01:00 UTC). So 6 hours apart, except 5 for three weeks in March:
    /// - 15 January: NY 14:00-22:00 UTC, Berlin 08:00-16:00 UTC: 2 h shared (14:00-16:00 UTC).
    /// - 8 March (before the US change): 2 h. 9 March, the change date itself: NY's 09:00 is already EDT, 13:00 UTC: 13:00-16:00, 3 h.
    /// - 17 March: NY 13:00-21:00, Berlin 08:00-16:00: 3 h. 29 March: 3 h.
    /// - 30 March, the EU change date: Berlin's 09:00 is CEST, 07:00 UTC: 07:00-15:00 against 13:00-21:00: 2 h. 15 July: 2 h.
    /// </summary>
    [Theory]
    [InlineData(1, 15, 2)]
    [InlineData(3, 8, 2)]
    [InlineData(3, 9, 3)]
    [InlineData(3, 17, 3)]
    [InlineData(3, 29, 3)]
    [InlineData(3, 30, 2)]
    [InlineData(7, 15, 2)]
    public void New_York_and_Berlin_share_one_hour_more_between_the_US_and_the_EU_changes(int month, int day, double hours)
    {
        Assert.Equal(hours, Shared("America/New_York", "Europe/Berlin", 2025, month, day), 6);
        Assert.Equal(hours, Shared("Europe/Berlin", "America/New_York", 2025, month, day), 6);
    }

    [Fact]
    public void The_shared_hours_of_New_York_and_Berlin_on_17_March_are_09_00_to_12_00_in_New_York()
    {
        var (_, shared) = WorkingHoursOverlap.Shared(Zone("America/New_York"), Zone("Europe/Berlin"), new LocalDate(2025, 3, 17));
        var span = Assert.Single(shared);
        Assert.Equal(Instant.FromUtc(2025, 3, 17, 13, 0), span.Start);
        Assert.Equal(Instant.FromUtc(2025, 3, 17, 16, 0), span.End);
        Assert.Equal(new LocalTime(9, 0), span.Start.InZone(Zone("America/New_York")).TimeOfDay);
    }

    /// <summary>
    /// India is UTC+5:30 all year: 03:30-11:30 UTC. London 09:00-17:00 UTC in winter: 09:00-11:30, 2.5 h; in summer
    /// (BST, from 30 March 2025) 08:00-16:00 UTC: 08:00-11:30, 3.5 h. New York in winter (14:00-22:00 UTC): none.
    /// Berlin in winter (08:00-16:00 UTC): 3.5 h.
    /// </summary>
    [Theory]
    [InlineData("Europe/London", 1, 15, 2.5)]
    [InlineData("Europe/London", 3, 29, 2.5)]
    [InlineData("Europe/London", 3, 30, 3.5)]
    [InlineData("Europe/London", 7, 15, 3.5)]
    [InlineData("America/New_York", 1, 15, 0)]
    [InlineData("Europe/Berlin", 1, 15, 3.5)]
    public void India_half_hour_offset_gives_half_hours(string reference, int month, int day, double hours) =>
        Assert.Equal(hours, Shared(reference, "Asia/Kolkata", 2025, month, day), 6);

    /// <summary>
    /// Los Angeles (UTC-8 in January) works 17:00-01:00 UTC; Sydney (UTC+11 in its summer) starts the next local day at
    /// 22:00 UTC: 3 h shared, across both midnights. In July LA is UTC-7 (16:00-00:00) and Sydney +10 (from 23:00): 1 h.
    /// </summary>
    [Theory]
    [InlineData(1, 15, 3)]
    [InlineData(7, 15, 1)]
    public void Far_apart_zones_share_one_place_s_evening_with_the_other_s_next_morning(int month, int day, double hours) =>
        Assert.Equal(hours, Shared("America/Los_Angeles", "Australia/Sydney", 2025, month, day), 6);

    [Theory]
    [InlineData(3, 9, 23)]
    [InlineData(3, 10, 24)]
    [InlineData(11, 2, 25)]
    public void A_calendar_day_in_New_York_lasts_23_or_25_hours_on_the_change_dates(int month, int day, double hours) =>
        Assert.Equal(hours, WorkingHoursOverlap.CalendarDay(Zone("America/New_York"), new LocalDate(2025, month, day)).Duration.TotalHours);

    [Fact]
    public void The_report_groups_engagements_by_zone_and_country_and_reads_a_vendor_manager_s_zone_from_the_digest_subscription()
    {
        var owner = Guid.NewGuid();
        Engagement E(string name, string zone, string country, Guid? ownerId = null) => new()
        {
            Id = Guid.NewGuid(),
            Name = name,
            DeliveryTimeZone = zone,
            DeliveryCountry = country,
            OwnerUserId = ownerId,
            Status = EngagementValues.Active,
        };
        var report = WorkingHoursReport.Compute(
            "America/New_York",
            new LocalDate(2025, 3, 17),
            [E("Krakow AP", "Europe/Warsaw", "PL", owner), E("Krakow AR", "Europe/Warsaw", "PL"), E("Pune hub", "Asia/Kolkata", "IN"), E("Nowhere", "Mars/Olympus", "XX")],
            [new VendorManager(owner, "Vera Manager", "Europe/London"), new VendorManager(Guid.NewGuid(), "Hal Office", null)]);

        Assert.Equal(["Europe/Warsaw", "Asia/Kolkata"], report.Sites.Select(s => s.TimeZone));
        var warsaw = report.Sites[0];
        Assert.Equal(["Krakow AP", "Krakow AR"], warsaw.Engagements.Select(e => e.Name));
        Assert.Equal(3m, warsaw.SharedHoursWithHq);
        Assert.Equal("UTC+01:00", warsaw.UtcOffset);
        Assert.Equal("UTC-04:00", report.HqUtcOffset);
        Assert.Equal(24m, report.HqDay.Hours);
        // Warsaw's working day in New York's day: 04:00-12:00 EDT.
        var bar = Assert.Single(warsaw.WorkingHours);
        Assert.Equal((4, 12), (bar.Start.Hour, bar.End.Hour));
        Assert.Equal(TimeSpan.FromHours(-4), bar.Start.Offset);
        // London (UTC+0 until 30 March) and Warsaw (UTC+1): 7 h; the second manager has no subscription: HQ's zone, 3 h.
        var vera = warsaw.VendorManagers.Single(m => m.Name == "Vera Manager");
        Assert.Equal((7m, true, WorkingHoursReport.FromDigestSubscription), (vera.SharedHours, vera.OwnsEngagementHere, vera.TimeZoneSource));
        var hal = warsaw.VendorManagers.Single(m => m.Name == "Hal Office");
        Assert.Equal((3m, false, "America/New_York", WorkingHoursReport.FromHeadOffice), (hal.SharedHours, hal.OwnsEngagementHere, hal.TimeZone, hal.TimeZoneSource));
        // New York (13:00-21:00 UTC) and Kolkata (03:30-11:30 UTC): none.
        Assert.Equal(0m, report.Sites[1].SharedHoursWithHq);
        Assert.Empty(report.Sites[1].SharedWithHq);
        Assert.Equal("Nowhere", Assert.Single(report.LeftOut).Name);
    }
}
