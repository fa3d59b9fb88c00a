using Sourcing.Engagements.Renewals;

namespace Sourcing.Engagements.Tests;

/// <summary>The renewal calendar's month arithmetic, one case per boundary.</summary>
public sealed class RenewalCalendarTests
{
    private static RenewalContract C(string end, int notice) =>
        new(Guid.NewGuid(), "e", "active", null, null, null, null, DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), notice, false, "undecided", null, null);

    [Theory]
    [InlineData("2031-03-31", 90, "2030-12-31")] // back over a 28-day February
    [InlineData("2032-03-31", 90, "2032-01-01")] // ... and a 29-day one
    [InlineData("2031-01-15", 0, "2031-01-15")]
    [InlineData("2031-02-01", 1, "2031-01-31")]
    public void The_notice_deadline_is_the_end_minus_the_notice_period(string end, int notice, string deadline) =>
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), C(end, notice).NoticeDeadline);

    [Theory]
    [InlineData("2031-01-31", 0, "2031-01", "2031-01")]
    [InlineData("2031-02-01", 1, "2031-01", "2031-02")]
    [InlineData("2031-03-31", 90, "2030-12", null)] // the end is after the span
    [InlineData("2030-12-01", 1, null, "2030-12")] // the deadline is before it
    [InlineData("2032-01-01", 0, null, null)]
    public void A_contract_is_listed_in_the_month_of_its_deadline_and_of_its_end(string end, int notice, string? deadlineMonth, string? endMonth)
    {
        var contract = C(end, notice);
        var calendar = RenewalCalendar.Build([contract], new DateOnly(2030, 12, 1), 3);
        Assert.Equal(["2030-12", "2031-01", "2031-02"], calendar.Select(m => m.Month));
        Assert.Equal(deadlineMonth, calendar.SingleOrDefault(m => m.NoticeDeadlines.Count > 0)?.Month);
        Assert.Equal(endMonth, calendar.SingleOrDefault(m => m.ContractEnds.Count > 0)?.Month);
    }

    [Theory]
    [InlineData("2027-03", true)]
    [InlineData("1900-01", true)]
    [InlineData("2999-12", true)]
    [InlineData("1899-12", false)]
    [InlineData("3000-01", false)]
    [InlineData("2027-13", false)]
    [InlineData("2027-00", false)]
    [InlineData("2027-3", false)]
    [InlineData("2027-03-01", false)]
    [InlineData("27-03", false)]
    [InlineData("", false)]
    public void Only_a_YYYY_MM_month_is_read(string value, bool month) =>
        Assert.Equal(month, RenewalCalendar.ParseMonth(value) is not null);
}
