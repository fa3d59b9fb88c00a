using NodaTime;
using Sourcing.Risk.Digests;

namespace Sourcing.Risk.Tests;

public sealed class DigestScheduleTests
{
    private static DigestRule Rule(string zone, string frequency = DigestFrequencies.Daily, int dayOfWeek = 1, int dayOfMonth = 1, int hour = 8, int minute = 0) =>
        new(frequency, dayOfWeek, dayOfMonth, new LocalTime(hour, minute), DateTimeZoneProviders.Tzdb[zone]);

    private static Instant Utc(int y, int m, int d, int h, int min = 0) => Instant.FromUtc(y, m, d, h, min);

    [Fact]
    public void A_daily_0800_digest_in_Manila_falls_due_at_0000_UTC()
    {
        Assert.Equal(Utc(2026, 12, 6, 0), DigestSchedule.NextAfter(Rule("Asia/Manila"), Utc(2026, 12, 5, 13)));
        Assert.Equal(Utc(2026, 12, 7, 0), DigestSchedule.NextAfter(Rule("Asia/Manila"), Utc(2026, 12, 6, 0)));
    }

    [Theory]
    // Europe/Berlin: CET (UTC+1) until 29 March 2026 01:00 UTC, CEST (UTC+2) after; back on 25 October 2026.
    [InlineData("2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z")]
    [InlineData("2026-03-27T07:30:00Z", "2026-03-28T07:00:00Z")]
    [InlineData("2026-10-24T06:30:00Z", "2026-10-25T07:00:00Z")]
    public void A_daily_0800_digest_in_Berlin_stays_at_0800_local_across_daylight_saving(string after, string expected)
    {
        var next = DigestSchedule.NextAfter(Rule("Europe/Berlin"), Instant.FromDateTimeOffset(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Instant.FromDateTimeOffset(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), next);
        Assert.Equal(new LocalTime(8, 0), next.InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).TimeOfDay);
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_moves_forward_by_the_gap()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: it becomes 03:30 CEST = 01:30 UTC.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), DigestSchedule.NextAfter(Rule("Europe/Berlin", hour: 2, minute: 30), Utc(2026, 3, 28, 12)));
    }

    [Fact]
    public void A_weekly_digest_goes_on_its_day()
    {
        // 5 December 2026 is a Saturday; Monday is the 7th, Wednesday the 9th.
        var monday = Rule("Europe/Berlin", DigestFrequencies.Weekly, dayOfWeek: 1);
        Assert.Equal(Utc(2026, 12, 7, 7), DigestSchedule.NextAfter(monday, Utc(2026, 12, 5, 12)));
        Assert.Equal(Utc(2026, 12, 14, 7), DigestSchedule.NextAfter(monday, Utc(2026, 12, 7, 7)));
        var wednesday = Rule("America/New_York", DigestFrequencies.Weekly, dayOfWeek: 3, hour: 9);
        Assert.Equal(Utc(2026, 12, 9, 14), DigestSchedule.NextAfter(wednesday, Utc(2026, 12, 5, 12)));
        // On its day but after its time: next week.
        Assert.Equal(Utc(2026, 12, 16, 14), DigestSchedule.NextAfter(wednesday, Utc(2026, 12, 9, 15)));
    }

    [Fact]
    public void A_monthly_digest_goes_on_its_day_of_the_month()
    {
        var rule = Rule("UTC", DigestFrequencies.Monthly, dayOfMonth: 28);
        Assert.Equal(Utc(2026, 12, 28, 8), DigestSchedule.NextAfter(rule, Utc(2026, 12, 5, 12)));
        Assert.Equal(Utc(2027, 1, 28, 8), DigestSchedule.NextAfter(rule, Utc(2026, 12, 28, 8)));
        Assert.Equal(Utc(2027, 2, 28, 8), DigestSchedule.NextAfter(rule, Utc(2027, 1, 29, 0)));
    }
}
