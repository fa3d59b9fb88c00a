using Sourcing.Contracts;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>A tenant's score settings change the scores as computed by hand; left out, they are DOMAIN's defaults.</summary>
public sealed class ScoreSettingsTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    /// <summary>An SLA with its window figures as the recompute's SQL gives them (each miss at shortfall 0.5).</summary>
    private static QualitySla Sla(int measured, int missed, int last30Measured, int last30Missed, int previous60Measured, int previous60Missed) =>
        new(Guid.NewGuid(), "Resolution", "daily", 1,
            new SlaWindowStats(measured, missed, 0.5 * missed, last30Measured, last30Missed, previous60Measured, previous60Missed, Today.AddDays(-1)), null);

    [Fact]
    public void Old_state_without_the_score_settings_reads_as_DOMAINs_defaults()
    {
        var json = """{"name":"Acme","hqCountry":"US","reportingCurrency":"USD","timeZone":"America/New_York","workingLanguages":["en"],"riskWeights":{"quality":0.4,"dependency":0.3,"geopolitical":0.3},"bandThresholds":{"medium":25,"high":50,"critical":75},"policyChecks":{"notAdvisableToOffshore":true,"sensitiveDataInHighRiskCountry":true,"sensitiveDataWithoutCertification":true,"singleSourcedCriticalProcess":true,"coreProcessOutsourced":true,"notMonitored":true},"notToOffshoreProcesses":["legal"],"countryConcentrationThresholdPercent":50,"version":3}""";
        var settings = System.Text.Json.JsonSerializer.Deserialize<TenantSettings>(json, System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal(new QualityScoreSettings(90, 10, 0.1m, 5, 10), settings.QualityScore);
        Assert.Equal(new DependencyScoreSettings(30, 10, 24, 180), settings.DependencyScore);
        Assert.Equal(new GeopoliticalWeights(0.6m, 0.2m, 0.2m, 0.6m, 0.4m), settings.GeopoliticalWeights);
        var partial = System.Text.Json.JsonSerializer.Deserialize<QualityScoreSettings>("""{"windowDays":120}""", System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal(new QualityScoreSettings(120), partial);
    }

    [Fact]
    public void A_longer_window_counts_older_periods()
    {
        // Missed 100 days ago, met yesterday (the SQL's counting is tested in SlaWindowQueryTests). Window 90: 1 period, met -> 0.
        // Window 120: 2 periods, 1 missed at shortfall 0.5: m 0.5 x (0.5 + 0.25) = 0.375 -> 37.5 (no trend: nothing in the 60 days before the last 30).
        Assert.Equal(0, QualityScore.Compute([Sla(1, 0, 1, 0, 0, 0)], "onshore", Today).Value);
        Assert.Equal(37.5, QualityScore.Compute([Sla(2, 1, 1, 0, 0, 0)], "onshore", Today, new QualityScoreSettings(WindowDays: 120)).Value);
    }

    [Fact]
    public void Trend_and_distance_additions_and_the_trend_threshold_are_the_tenants()
    {
        // 60 days before: 2 met; last 30: 1 met, 1 missed (shortfall 0.5). m = 1/4, d = 0.5 -> 0.25 x 0.75 = 18.75.
        // Trend 0.5 vs 0 -> default +10; offshore default +10 -> 38.75.
        var sla = Sla(4, 1, 2, 1, 2, 0);
        Assert.Equal(38.75, QualityScore.Compute([sla], "offshore", Today).Value);
        // Trend +4, offshore +7: 18.75 + 4 + 7 = 29.75; nearshore +1: 18.75 + 4 + 1 = 23.75.
        var custom = new QualityScoreSettings(TrendAddition: 4, NearshoreAddition: 1, OffshoreAddition: 7);
        Assert.Equal(29.75, QualityScore.Compute([sla], "offshore", Today, custom).Value);
        Assert.Equal(23.75, QualityScore.Compute([sla], "nearshore", Today, custom).Value);
        // A threshold of 0.5 is not exceeded by a rise of exactly 0.5: no trend -> 18.75 + 10.
        Assert.Equal(28.75, QualityScore.Compute([sla], "offshore", Today, new QualityScoreSettings(TrendThreshold: 0.5m)).Value);
    }

    [Fact]
    public void The_distance_factor_shows_the_classifications_grade_and_location_gap()
    {
        var sla = Sla(1, 0, 1, 0, 0, 0);
        var result = QualityScore.Compute([sla], "offshore", Today, null, 6.5m, 2026);
        var distance = Assert.Single(result.Factors, f => f.Name == "distance");
        Assert.Equal("offshore delivery site, 6.5 h from HQ's time on average (15 January and 15 July 2026) +10: oversight at a distance is harder", distance.Detail);
    }

    [Fact]
    public void Dependency_additions_and_exit_limits_are_the_tenants()
    {
        // A 500, B 500 in cs: share 0.5, HHI 0.5 -> 50. A: contract ends in 20 months, notice 100 days; B: open-ended, notice 90 days.
        DependencyEngagement E(string source, DateOnly? end, int notice) =>
            new(Guid.NewGuid(), source, source, SourceKinds.Provider, "cs", false, 500, "", end, notice);
        var a = E("A", Today.AddMonths(20), 100);
        var b = E("B", null, 90);
        Assert.Equal(50, DependencyScore.Compute([a, b], Today)[a.EngagementId].Value); // 20 months <= 24, 100 days <= 180
        var strict = new DependencyScoreSettings(ExitAddition: 15, LongRemainingMonths: 12, LongNoticeDays: 60);
        Assert.Equal(65, DependencyScore.Compute([a, b], Today, strict)[a.EngagementId].Value); // 20 > 12 months: +15
        Assert.Equal(65, DependencyScore.Compute([a, b], Today, strict)[b.EngagementId].Value); // open-ended, 90 days > 60: +15
    }

    [Fact]
    public void A_single_source_addition_of_the_tenants_own()
    {
        // One critical source: share 1, HHI 1 -> 100; with two processes to stay below the cap:
        // A 250 in cs (critical, only source), B 750 in hr. A: share 0.25, HHI(cs) 1 -> 62.5 + single source.
        var a = new DependencyEngagement(Guid.NewGuid(), "A", "A", SourceKinds.Provider, "cs", true, 250, "", null, 30);
        var b = new DependencyEngagement(Guid.NewGuid(), "B", "B", SourceKinds.Provider, "hr", false, 750, "", null, 30);
        Assert.Equal(92.5, DependencyScore.Compute([a, b], Today)[a.EngagementId].Value);
        Assert.Equal(74.5, DependencyScore.Compute([a, b], Today, new DependencyScoreSettings(SingleSourceAddition: 12))[a.EngagementId].Value);
    }

    [Fact]
    public void Geopolitical_weights_are_the_tenants()
    {
        // PH, stability 40 -> country 60; currency 0 (USD); 13 h apart -> 11 h -> time 91.67; language 100 (tl only).
        GeopoliticalInput Input(GeopoliticalWeights? w) =>
            new("PH", "US", 40, "USD", "USD", null, "", 8, -5, ["tl"], "en", false, 56.31, null, w, Today);
        // Defaults: communication 0.6 x 91.6667 + 0.4 x 100 = 95 -> 0.6 x 60 + 0.2 x 0 + 0.2 x 95 = 55.
        Assert.Equal(55, GeopoliticalScore.Compute(Input(null)).Value);
        // Country 0.5, currency 0.1, communication 0.4; time 0.3, language 0.7:
        // communication 0.3 x 91.6667 + 0.7 x 100 = 97.5 -> 0.5 x 60 + 0 + 0.4 x 97.5 = 69.
        var result = GeopoliticalScore.Compute(Input(new GeopoliticalWeights(0.5m, 0.1m, 0.4m, 0.3m, 0.7m)));
        Assert.Equal(69, result.Value);
        Assert.Contains(result.Factors, f => f.Name == "communication" && f.Detail.Contains("0.3 x time 91.67 (11 h between the site's and HQ's time at 12:00 UTC on 2026-06-30)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_time_zone_is_missing_data_not_a_gap_of_zero()
    {
        // Unknown delivery zone: time counts 50 with a finding; language 0 -> communication 0.6 x 50 = 30 -> 0.2 x 30 = 6; + 36 = 42.
        var result = GeopoliticalScore.Compute(new("PH", "US", 40, "USD", "USD", null, "", null, -5, ["en"], "en", false, 56.31, null));
        Assert.Equal(42, result.Value);
        Assert.Contains(result.Findings, f => f.Code == FindingCodes.NoReferenceData && f.Message.Contains("delivery site", StringComparison.Ordinal));
    }
}
