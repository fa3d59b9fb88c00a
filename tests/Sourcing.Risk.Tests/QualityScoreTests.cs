using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

public sealed class QualityScoreTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static SlaPeriod Day(int daysAgo, double value, double target, bool met) =>
        new(Today.AddDays(-daysAgo), Today.AddDays(-daysAgo), value, target, met);

    private static QualitySla Sla(string metric, double weight, params SlaPeriod[] periods) =>
        new(Guid.NewGuid(), metric, "daily", weight, SlaWindowStats.From(periods, Today));

    [Fact]
    public void Miss_rate_and_severity_give_the_sla_risk()
    {
        // 4 periods, 1 missed (value 80 against 100: shortfall 0.2): m = 0.25, d = 0.2,
        // risk = 0.25 x (0.5 + 0.1) = 0.15 -> 15.
        var sla = Sla("First-contact resolution", 1, Day(40, 100, 100, true), Day(35, 80, 100, false), Day(20, 100, 100, true), Day(0, 100, 100, true));
        var result = QualityScore.Compute([sla], "onshore", Today);
        Assert.Equal(15, result.Value);
        Assert.Contains("miss rate 0.25 on First-contact resolution", result.Factors[0].Detail);
    }

    [Fact]
    public void Severity_is_capped_at_one_and_a_zero_target_counts_one()
    {
        // Two periods, both missed: shortfall |100 - 500| / 100 = 4 capped to 1; target 0 -> 1.
        // m = 1, d = 1, risk = 1 -> 100.
        var capped = Sla("Errors", 1, Day(10, 500, 100, false), Day(1, 3, 0, false));
        Assert.Equal(100, QualityScore.Compute([capped], "onshore", Today).Value);
        Assert.Equal(1, SlaWindowStats.Shortfall(500, 100));
        Assert.Equal(1, SlaWindowStats.Shortfall(3, 0));
        Assert.Equal(0.5, SlaWindowStats.Shortfall(50, 100));
    }

    [Fact]
    public void Weights_average_the_slas()
    {
        // A: 2 periods, 1 missed at shortfall 0 (value = target, counted missed): m 0.5, d 0 -> 0.25, weight 3.
        // B: 1 period, met: 0, weight 1. Quality = 100 x (3 x 0.25 + 1 x 0) / 4 = 18.75.
        var a = Sla("A", 3, Day(20, 100, 100, true), Day(1, 100, 100, false)); // all in the last 30 days: no trend
        var b = Sla("B", 1, Day(1, 100, 100, true));
        Assert.Equal(18.75, QualityScore.Compute([a, b], "onshore", Today).Value);
    }

    [Fact]
    public void Trend_adds_ten_when_the_last_30_days_miss_more_than_0_1_above_the_60_before()
    {
        // Earlier span (ending 30..89 days ago): 5 periods, 0 missed (0.00). Last 30 days: 1 period, missed (1.00).
        // Window: 6 periods, 1 missed at shortfall 0.5: m = 1/6, d = 0.5, risk = 1/6 x 0.75 = 0.125 -> 12.5; +10 = 22.5.
        var sla = Sla("AHT", 1, Day(80, 1, 1, true), Day(70, 1, 1, true), Day(60, 1, 1, true), Day(31, 1, 1, true), Day(30, 1, 1, true), Day(2, 50, 100, false));
        var result = QualityScore.Compute([sla], "onshore", Today);
        Assert.Equal(22.5, result.Value);
        Assert.Contains(result.Factors, f => f.Detail == "trend +10: last 30 days 1.00 vs 0.00 in the 60 days before");
    }

    [Fact]
    public void No_trend_when_the_rise_is_0_1_or_less_or_a_span_is_empty()
    {
        // Only recent periods: no earlier span, so no trend even at a 100 % miss rate.
        var recentOnly = Sla("X", 1, Day(5, 0, 100, false));
        Assert.Equal(100, QualityScore.Compute([recentOnly], "onshore", Today).Value);
        // Earlier 0.0, recent exactly 0.1 (1 of 10): not more than 0.1.
        var periods = Enumerable.Range(0, 10).Select(i => Day(i, i == 0 ? 0 : 1, 1, i != 0)).Append(Day(60, 1, 1, true)).ToArray();
        var result = QualityScore.Compute([Sla("Y", 1, periods)], "onshore", Today);
        Assert.DoesNotContain(result.Factors, f => f.Name == "trend");
    }

    [Theory]
    [InlineData("onshore", 0)]
    [InlineData("nearshore", 5)]
    [InlineData("offshore", 10)]
    public void Distance_adds_five_nearshore_and_ten_offshore(string grade, double expected)
    {
        var sla = Sla("X", 1, Day(1, 1, 1, true));
        Assert.Equal(expected, QualityScore.Compute([sla], grade, Today).Value);
    }

    [Fact]
    public void Periods_outside_the_window_do_not_count()
    {
        // Ended exactly 90 days ago: outside (after evaluation - 90 only). Tomorrow: outside.
        var stats = SlaWindowStats.From([Day(90, 0, 1, false), Day(-1, 0, 1, false), Day(89, 1, 1, true)], Today);
        Assert.Equal(1, stats.Measured);
        Assert.Equal(0, stats.Missed);
    }

    [Fact]
    public void Stale_when_no_measurement_in_the_last_two_periods()
    {
        var fresh = Sla("Fresh", 1, Day(1, 1, 1, true));
        var stale = Sla("Old", 1, Day(2, 1, 1, true));
        var result = QualityScore.Compute([fresh, stale], "onshore", Today);
        Assert.Equal(0, result.Value);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.Stale, finding.Code);
        Assert.Contains("'Old'", finding.Message);
    }

    [Fact]
    public void Not_monitored_without_sla_and_no_score_without_measurement_in_the_window()
    {
        var none = QualityScore.Compute([], "offshore", Today);
        Assert.Null(none.Value);
        Assert.Equal(FindingCodes.NotMonitored, Assert.Single(none.Findings).Code);

        var old = QualityScore.Compute([Sla("Old", 1, Day(120, 0, 1, false))], "offshore", Today);
        Assert.Null(old.Value);
        Assert.Contains(old.Findings, f => f.Code == FindingCodes.NoMeasurement);
    }

    [Fact]
    public void Capped_at_100()
    {
        var sla = Sla("X", 1, Day(80, 0, 1, true), Day(2, 0, 1, false));
        // m 0.5, d 1 -> 50; trend 1.0 vs 0.0 +10; offshore +10 = 70. Two all-missed SLAs: 100 + 10 + 10 -> 100.
        Assert.Equal(70, QualityScore.Compute([sla], "offshore", Today).Value);
        var worst = Sla("Y", 1, Day(80, 0, 1, false), Day(2, 0, 1, false));
        Assert.Equal(100, QualityScore.Compute([worst], "offshore", Today).Value);
    }
}
