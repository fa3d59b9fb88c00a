using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>
/// The quality score from an SLA's window figures. The figures themselves come from one SQL query
/// (SlaWindowQuery, tested against PostgreSQL in the system tests); each case gives them as the
/// query would for the periods named in its comment (days before the evaluation date).
/// </summary>
public sealed class QualityScoreTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static QualitySla Sla(string metric, double weight, SlaWindowStats stats, DateOnly? staleFrom = null) =>
        new(Guid.NewGuid(), metric, "daily", weight, stats, staleFrom);

    /// <summary>Figures with the recent span (the last 30 days) given; the earlier span is the rest of the window.</summary>
    private static SlaWindowStats Stats(int measured, int missed, double shortfallSum, int recentMeasured, int recentMissed) =>
        new(measured, missed, shortfallSum, recentMeasured, recentMissed, measured - recentMeasured, missed - recentMissed, Today);

    [Fact]
    public void Miss_rate_and_severity_give_the_sla_risk()
    {
        // Days 40, 35 (missed, shortfall 0.2), 20, 0: m = 0.25, d = 0.2, risk = 0.25 x (0.5 + 0.1) = 0.15 -> 15.
        // Trend: last 30 days 0 of 2 missed, before 1 of 2: falling, no addition.
        var sla = Sla("First-contact resolution", 1, Stats(4, 1, 0.2, 2, 0));
        var result = QualityScore.Compute([sla], "onshore", Today);
        Assert.Equal(15, result.Value);
        Assert.Contains("miss rate 0.25 on First-contact resolution", result.Factors[0].Detail);
    }

    [Fact]
    public void Severity_is_the_mean_of_the_published_shortfalls()
    {
        // Days 10 and 1, both missed, each published with shortfall 1 (capped; a zero target): m = 1, d = 1 -> 100.
        Assert.Equal(100, QualityScore.Compute([Sla("Errors", 1, Stats(2, 2, 2.0, 2, 2))], "onshore", Today).Value);
        // Two missed at 0.5 and 0.1: d = 0.3, m = 1, risk = 0.65 -> 65.
        Assert.Equal(65, QualityScore.Compute([Sla("Errors", 1, Stats(2, 2, 0.6, 2, 2))], "onshore", Today).Value);
    }

    [Fact]
    public void Weights_average_the_slas()
    {
        // A: days 20 and 1, 1 missed at shortfall 0: m 0.5, d 0 -> 0.25, weight 3.
        // B: day 1, met: 0, weight 1. Quality = 100 x (3 x 0.25 + 1 x 0) / 4 = 18.75 (all in the last 30 days: no trend).
        var a = Sla("A", 3, Stats(2, 1, 0, 2, 1));
        var b = Sla("B", 1, Stats(1, 0, 0, 1, 0));
        Assert.Equal(18.75, QualityScore.Compute([a, b], "onshore", Today).Value);
    }

    [Fact]
    public void Trend_adds_ten_when_the_last_30_days_miss_more_than_0_1_above_the_60_before()
    {
        // Earlier span (days 80, 70, 60, 31, 30): 5 periods, 0 missed (0.00). Last 30 days (day 2): 1 period, missed (1.00).
        // Window: 6 periods, 1 missed at shortfall 0.5: m = 1/6, d = 0.5, risk = 1/6 x 0.75 = 0.125 -> 12.5; +10 = 22.5.
        var result = QualityScore.Compute([Sla("AHT", 1, Stats(6, 1, 0.5, 1, 1))], "onshore", Today);
        Assert.Equal(22.5, result.Value);
        Assert.Contains(result.Factors, f => f.Detail == "trend +10: last 30 days 1.00 vs 0.00 in the 60 days before");
    }

    [Fact]
    public void No_trend_when_the_rise_is_0_1_or_less_or_a_span_is_empty()
    {
        // Only recent periods: no earlier span, so no trend even at a 100 % miss rate.
        Assert.Equal(100, QualityScore.Compute([Sla("X", 1, Stats(1, 1, 1.0, 1, 1))], "onshore", Today).Value);
        // Days 0..9 (day 0 missed at shortfall 1) and day 60 met: recent 1 of 10 = 0.1, earlier 0.0: not more than 0.1.
        var result = QualityScore.Compute([Sla("Y", 1, Stats(11, 1, 1.0, 10, 1))], "onshore", Today);
        Assert.DoesNotContain(result.Factors, f => f.Name == "trend");
    }

    [Theory]
    [InlineData("onshore", 0)]
    [InlineData("nearshore", 5)]
    [InlineData("offshore", 10)]
    public void Distance_adds_five_nearshore_and_ten_offshore(string grade, double expected)
    {
        Assert.Equal(expected, QualityScore.Compute([Sla("X", 1, Stats(1, 0, 0, 1, 0))], grade, Today).Value);
    }

    [Fact]
    public void Stale_from_the_day_the_sla_service_published()
    {
        var fresh = Sla("Fresh", 1, Stats(1, 0, 0, 1, 0), staleFrom: Today.AddDays(1));
        var stale = Sla("Old", 1, Stats(1, 0, 0, 1, 0), staleFrom: Today);
        var unknown = Sla("Unsaid", 1, Stats(1, 0, 0, 1, 0), staleFrom: null);
        var result = QualityScore.Compute([fresh, stale, unknown], "onshore", Today);
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

        var old = QualityScore.Compute([Sla("Old", 1, SlaWindowStats.Empty, staleFrom: Today.AddDays(-60))], "offshore", Today);
        Assert.Null(old.Value);
        Assert.Contains(old.Findings, f => f.Code == FindingCodes.NoMeasurement);
        Assert.Contains(old.Findings, f => f.Code == FindingCodes.Stale);
    }

    [Fact]
    public void Capped_at_100()
    {
        // Days 80 (met) and 2 (missed, shortfall 1): m 0.5, d 1 -> 50; trend 1.0 vs 0.0 +10; offshore +10 = 70.
        Assert.Equal(70, QualityScore.Compute([Sla("X", 1, Stats(2, 1, 1.0, 1, 1))], "offshore", Today).Value);
        // Both missed: 100 + offshore 10 -> capped at 100.
        Assert.Equal(100, QualityScore.Compute([Sla("Y", 1, Stats(2, 2, 2.0, 1, 1))], "offshore", Today).Value);
    }
}
