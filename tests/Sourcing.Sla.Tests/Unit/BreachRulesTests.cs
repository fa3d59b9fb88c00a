using Sourcing.Contracts;
using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Tests.Unit;

/// <summary>The breach logic as tables of cases: directions, equality, period kinds and boundaries, partial periods, replacements.</summary>
public sealed class BreachRulesTests
{
    [Theory]
    // direction, target, value, met
    [InlineData("at-least", "99.5", "99.9", true)]
    [InlineData("at-least", "99.5", "99.5", true)] // equality at the target meets it
    [InlineData("at-least", "99.5", "99.50", true)]
    [InlineData("at-least", "99.5", "99.49", false)]
    [InlineData("at-least", "0", "0", true)]
    [InlineData("at-least", "0", "-1", false)]
    [InlineData("at-most", "4", "3.99", true)]
    [InlineData("at-most", "4", "4", true)] // equality at the target meets it
    [InlineData("at-most", "4", "4.01", false)]
    [InlineData("at-most", "0", "0", true)]
    [InlineData("at-most", "0", "0.001", false)]
    [InlineData("at-most", "-5", "-6", true)]
    public void IsMet_compares_in_the_SLA_s_direction_and_equality_meets(string direction, string target, string value, bool met) =>
        Assert.Equal(met, SlaRules.IsMet(direction, decimal.Parse(target), decimal.Parse(value)));

    [Theory]
    // direction, target, value, shortfall, relative shortfall
    [InlineData("at-least", "99.5", "99", "0.5", "0.0050251256281407035175879397")]
    [InlineData("at-least", "99.5", "100", "0", "0")]
    [InlineData("at-most", "4", "6", "2", "0.5")]
    [InlineData("at-most", "4", "20", "16", "1")] // capped at 1
    [InlineData("at-most", "0", "3", "3", "1")] // a zero target counts 1
    [InlineData("at-least", "10", "5", "5", "0.5")]
    public void Shortfall_is_the_distance_to_the_target_of_a_miss_and_relative_shortfall_is_capped_at_one(
        string direction, string target, string value, string shortfall, string relative)
    {
        Assert.Equal(decimal.Parse(shortfall), SlaRules.Shortfall(direction, decimal.Parse(target), decimal.Parse(value)));
        Assert.Equal(decimal.Parse(relative), SlaRules.RelativeShortfall(direction, decimal.Parse(target), decimal.Parse(value)));
    }

    [Theory]
    // kind, date, period start, period end
    [InlineData("daily", "2026-03-15", "2026-03-15", "2026-03-15")]
    [InlineData("daily", "2024-02-29", "2024-02-29", "2024-02-29")]
    [InlineData("weekly", "2026-11-30", "2026-11-30", "2026-12-06")] // a Monday starts its week
    [InlineData("weekly", "2026-12-06", "2026-11-30", "2026-12-06")] // a Sunday ends it
    [InlineData("weekly", "2026-12-02", "2026-11-30", "2026-12-06")]
    [InlineData("weekly", "2027-01-01", "2026-12-28", "2027-01-03")] // ISO week across the new year
    [InlineData("weekly", "2024-12-31", "2024-12-30", "2025-01-05")]
    [InlineData("monthly", "2026-02-14", "2026-02-01", "2026-02-28")]
    [InlineData("monthly", "2024-02-29", "2024-02-01", "2024-02-29")] // leap year
    [InlineData("monthly", "2026-12-31", "2026-12-01", "2026-12-31")]
    [InlineData("monthly", "2026-04-01", "2026-04-01", "2026-04-30")]
    public void PeriodOf_gives_the_day_the_ISO_week_or_the_calendar_month(string kind, string date, string start, string end) =>
        Assert.Equal(new SlaPeriod(DateOnly.Parse(start), DateOnly.Parse(end)), SlaRules.PeriodOf(kind, DateOnly.Parse(date)));

    [Theory]
    [InlineData("daily", "2026-03-01", "2026-02-28")]
    [InlineData("weekly", "2026-11-30", "2026-11-23")]
    [InlineData("monthly", "2026-03-01", "2026-02-01")]
    [InlineData("monthly", "2026-01-01", "2025-12-01")]
    public void Previous_gives_the_period_before(string kind, string start, string previousStart) =>
        Assert.Equal(DateOnly.Parse(previousStart), SlaRules.Previous(kind, SlaRules.PeriodOf(kind, DateOnly.Parse(start))).Start);

    [Theory]
    // period start, end, contract start, contract end, covered fraction
    [InlineData("2026-04-01", "2026-04-30", null, null, "1")]
    [InlineData("2026-04-01", "2026-04-30", "2026-04-16", null, "0.5")] // the contract starts mid-month
    [InlineData("2026-04-01", "2026-04-30", null, "2026-04-06", "0.2")] // it ends on the 6th
    [InlineData("2026-04-01", "2026-04-30", "2026-03-01", "2026-05-31", "1")]
    [InlineData("2026-11-30", "2026-12-06", "2026-12-03", null, "0.5714285714285714285714285714")] // 4 of 7 days
    [InlineData("2026-04-01", "2026-04-30", "2026-05-01", null, "0")]
    public void CoveredFraction_is_the_share_of_a_partial_period_the_contract_covers(string start, string end, string? contractStart, string? contractEnd, string fraction) =>
        Assert.Equal(
            decimal.Parse(fraction),
            SlaRules.CoveredFraction(
                new SlaPeriod(DateOnly.Parse(start), DateOnly.Parse(end)),
                contractStart is null ? null : DateOnly.Parse(contractStart),
                contractEnd is null ? null : DateOnly.Parse(contractEnd)));

    [Theory]
    // met, credit %, annual value, kind, covered fraction, credit
    [InlineData(false, "10", "365000", "daily", "1", "100")]
    [InlineData(true, "10", "365000", "daily", "1", "0")]
    [InlineData(false, "5", "120000", "monthly", "1", "500")]
    [InlineData(false, "5", "120000", "monthly", "0.5", "250")] // a partial month earns pro rata
    [InlineData(false, "2", "52000", "weekly", "1", "20")]
    [InlineData(false, "3", "100000", "daily", "1", "8.22")] // rounded to cents
    public void ServiceCredit_is_the_percent_of_the_period_fee_pro_rata(bool met, string percent, string annual, string kind, string fraction, string credit) =>
        Assert.Equal(decimal.Parse(credit), SlaRules.ServiceCredit(met, decimal.Parse(percent), decimal.Parse(annual), kind, decimal.Parse(fraction)));

    [Theory]
    // previous value (null: none), new value, change, new value met, publishes a breach
    [InlineData(null, "98", "Recorded", false, true)]
    [InlineData(null, "100", "Recorded", true, false)]
    [InlineData("98", "98", "Unchanged", false, false)] // the same batch again: no new breach
    [InlineData("98", "98.0", "Unchanged", false, false)] // the same number written differently
    [InlineData("98", "99.9", "Replaced", true, false)] // a miss corrected to a meet
    [InlineData("99.9", "98", "Replaced", false, true)] // a meet replaced by a miss
    [InlineData("97", "98", "Replaced", false, true)] // a miss replaced by another miss
    public void A_replaced_value_changes_the_period_and_only_a_changed_miss_is_a_breach(
        string? previous, string value, string change, bool met, bool breach)
    {
        var outcome = SlaRules.Compare(previous is null ? null : decimal.Parse(previous), decimal.Parse(value));
        Assert.Equal(Enum.Parse<MeasurementChange>(change), outcome);
        Assert.Equal(breach, SlaRules.PublishesBreach(outcome, met));
    }

    [Fact]
    public void Periods_per_year_turn_an_annual_value_into_a_period_fee()
    {
        Assert.Equal(1000m, SlaRules.PeriodFee(365_000m, SlaPeriodKinds.Daily));
        Assert.Equal(1000m, SlaRules.PeriodFee(52_000m, SlaPeriodKinds.Weekly));
        Assert.Equal(1000m, SlaRules.PeriodFee(12_000m, SlaPeriodKinds.Monthly));
    }
}
