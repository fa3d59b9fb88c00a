using Sourcing.Sla.Measurements;
using Sourcing.Sla.Reports;

namespace Sourcing.Sla.Tests.Unit;

public sealed class SlaAttainmentTests
{
    private static PeriodResult Day(string date, decimal value, decimal target = 99.5m, string direction = "at-least") =>
        new(
            DateOnly.Parse(date), DateOnly.Parse(date), value, target, direction, SlaRules.IsMet(direction, target, value),
            SlaRules.RelativeShortfall(direction, target, value));

    [Fact]
    public void Attainment_shortfall_and_credits_of_a_small_data_set_match_the_hand_computation()
    {
        // 365,000 a year = 1,000 a day; 10 % credit = 100 per missed day.
        PeriodResult[] periods = [Day("2026-06-01", 99.9m), Day("2026-06-02", 99.5m), Day("2026-06-03", 99.0m), Day("2026-06-04", 98.5m), Day("2026-06-05", 100m)];
        var figures = SlaAttainment.Compute("daily", 10m, 365_000m, DateOnly.Parse("2026-01-01"), null, periods, DateOnly.Parse("2026-06-01"), DateOnly.Parse("2026-06-05"));
        Assert.Equal(5, figures.PeriodsMeasured);
        Assert.Equal(3, figures.PeriodsMet);
        Assert.Equal(2, figures.PeriodsMissed);
        Assert.Equal(60m, figures.AttainmentPercent);
        Assert.Equal(0.75m, figures.MeanShortfall);
        Assert.Equal(Math.Round((0.5m / 99.5m + 1m / 99.5m) / 2, 4), figures.MeanRelativeShortfall);
        Assert.Equal(1000m, figures.PeriodFee);
        Assert.Equal(200m, figures.ServiceCredits);
    }

    [Theory]
    // periods (date:met), from, to, expected direction (null: no trend)
    [InlineData("01:1,02:1,03:0,04:0", "2026-06-01", "2026-06-04", "worsening")]
    [InlineData("01:0,02:0,03:1,04:1", "2026-06-01", "2026-06-04", "improving")]
    [InlineData("01:1,02:0,03:1,04:0", "2026-06-01", "2026-06-04", "stable")]
    [InlineData("01:1,02:1", "2026-06-01", "2026-06-04", null)] // nothing in the later half
    public void Trend_compares_the_earlier_and_later_half_of_the_window(string data, string from, string to, string? direction)
    {
        var periods = data.Split(',').Select(d => d.Split(':')).Select(p => Day($"2026-06-{p[0]}", p[1] == "1" ? 100m : 90m)).ToList();
        Assert.Equal(direction, SlaAttainment.Trend(periods, DateOnly.Parse(from), DateOnly.Parse(to))?.Direction);
    }

    [Theory]
    // kind, day (the report's day: the window's end + 1, or today), latest measured period start, contract start, stale
    [InlineData("daily", "2026-06-11", "2026-06-10", null, false)]
    [InlineData("daily", "2026-06-11", "2026-06-09", null, false)]
    [InlineData("daily", "2026-06-11", "2026-06-08", null, true)] // nothing in the last two days
    [InlineData("daily", "2026-06-11", "2026-06-11", null, false)] // today's period measured: not stale, though the two before are empty
    [InlineData("daily", "2026-06-11", null, "2026-06-11", false)] // the contract had not started
    [InlineData("daily", "2026-06-11", null, "2026-06-10", true)] // its first day is over and has no value
    [InlineData("daily", "2026-06-11", null, null, true)] // never measured, no contract start
    [InlineData("weekly", "2026-06-11", "2026-06-01", null, false)] // the week of 1 June ended the 7th
    [InlineData("weekly", "2026-06-11", "2026-05-18", null, true)]
    [InlineData("monthly", "2026-06-11", "2026-04-01", null, false)] // May and April are the last two ended months
    [InlineData("monthly", "2026-06-11", "2026-03-01", null, true)]
    [InlineData("monthly", "2026-07-01", "2026-06-01", null, false)] // June ended on the 30th
    public void An_SLA_is_stale_with_no_value_in_its_last_two_ended_periods_nor_after(
        string kind, string day, string? latest, string? contractStart, bool stale)
    {
        Assert.Equal(
            stale,
            SlaStaleness.IsStale(kind, latest is null ? null : DateOnly.Parse(latest), contractStart is null ? null : DateOnly.Parse(contractStart), DateOnly.Parse(day)));
    }

    [Theory]
    // kind, latest measured period start, contract start, the first stale day
    [InlineData("daily", "2026-06-08", null, "2026-06-11")]
    [InlineData("weekly", "2026-06-03", null, "2026-06-22")] // week of 1 June; then 8-14 and 15-21 must pass
    [InlineData("monthly", "2026-01-31", null, "2026-04-01")]
    [InlineData("monthly", null, "2026-02-10", "2026-03-01")] // February was due
    [InlineData("monthly", "2026-02-01", "2026-02-10", "2026-05-01")]
    public void Stale_from_is_the_first_day_it_holds(string kind, string? latest, string? contractStart, string expected)
    {
        Assert.Equal(
            DateOnly.Parse(expected),
            SlaStaleness.StaleFrom(kind, latest is null ? null : DateOnly.Parse(latest), contractStart is null ? null : DateOnly.Parse(contractStart)));
    }
}
