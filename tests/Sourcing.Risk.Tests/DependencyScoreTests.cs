using Sourcing.Contracts;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

public sealed class DependencyScoreTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static DependencyEngagement E(
        string source, string process, double? cost, bool critical = false, string kind = SourceKinds.Provider, DateOnly? end = null, int? notice = 90) =>
        new(Guid.NewGuid(), source, source, kind, process, critical, cost, "no annual value", end, notice);

    [Fact]
    public void Cost_share_and_hhi()
    {
        // Tenant total 1000. A (600) and B (400) in customer service: HHI = 0.36 + 0.16 = 0.52.
        // A: 100 x (0.5 x 0.6 + 0.5 x 0.52) = 56; B: 100 x (0.5 x 0.4 + 0.5 x 0.52) = 46.
        var a = E("A", "cs", 600);
        var b = E("B", "cs", 400);
        var scores = DependencyScore.Compute([a, b], Today);
        Assert.Equal(56, scores[a.EngagementId].Value);
        Assert.Equal(46, scores[b.EngagementId].Value);
    }

    [Fact]
    public void Source_cost_sums_over_processes_and_hhi_is_per_process()
    {
        // A: 300 in cs + 100 in hr = 400 of 1000 (share 0.4). cs: A 300, B 300 -> HHI 0.5.
        // hr: A 100, C 300 -> shares 0.25/0.75 -> HHI 0.625.
        var a1 = E("A", "cs", 300);
        var a2 = E("A", "hr", 100);
        var b = E("B", "cs", 300);
        var c = E("C", "hr", 300);
        var scores = DependencyScore.Compute([a1, a2, b, c], Today);
        Assert.Equal(45, scores[a1.EngagementId].Value);        // 50 x 0.4 + 50 x 0.5
        Assert.Equal(51.25, scores[a2.EngagementId].Value);     // 20 + 31.25
        Assert.Equal(0.625, DependencyScore.Hhi([a2, c]), 10);
    }

    [Fact]
    public void Single_source_of_a_critical_process_adds_thirty()
    {
        // Only source of critical legal: share 0.5, HHI 1: 100 x (0.25 + 0.5) = 75, +30 -> 100 (capped).
        // The standard cs process with two sources: no addition.
        var legal = E("A", "legal", 500, critical: true);
        var cs1 = E("B", "cs", 250);
        var cs2 = E("C", "cs", 250);
        var scores = DependencyScore.Compute([legal, cs1, cs2], Today);
        Assert.Equal(100, scores[legal.EngagementId].Value);
        Assert.Contains(scores[legal.EngagementId].Factors, f => f.Name == "single source");
        Assert.DoesNotContain(scores[cs1.EngagementId].Factors, f => f.Name == "single source");
    }

    [Fact]
    public void A_second_source_without_cost_still_counts_as_a_source()
    {
        var a = E("A", "legal", 100, critical: true);
        var b = E("B", "legal", null);
        var scores = DependencyScore.Compute([a, b], Today);
        Assert.Equal(100, scores[a.EngagementId].Value); // share 1, HHI 1 -> 100, no +30 needed to reach it
        Assert.DoesNotContain(scores[a.EngagementId].Factors, f => f.Name == "single source");
        Assert.Null(scores[b.EngagementId].Value);
        Assert.Equal(FindingCodes.NoCostRecorded, Assert.Single(scores[b.EngagementId].Findings).Code);
    }

    [Theory]
    [InlineData(2028, 6, 30, 90, 0)]   // exactly 24 months left: not more
    [InlineData(2028, 7, 1, 90, 10)]   // one day more
    [InlineData(2027, 1, 1, 180, 0)]   // 180 days' notice: not more
    [InlineData(2027, 1, 1, 181, 10)]
    public void Exit_addition_for_long_remaining_term_or_notice(int year, int month, int day, int notice, double addition)
    {
        // Two equal sources in one process: 100 x (0.5 x 0.5 + 0.5 x 0.5) = 50 before the addition.
        var a = E("A", "cs", 100, end: new DateOnly(year, month, day), notice: notice);
        var b = E("B", "cs", 100);
        Assert.Equal(50 + addition, DependencyScore.Compute([a, b], Today)[a.EngagementId].Value);
    }

    [Fact]
    public void Captive_engagements_count_but_get_no_score_and_no_exit_addition()
    {
        // Captive C 300 and provider P 100 in cs: P share 0.25, HHI 0.5625 + 0.0625 = 0.625: 12.5 + 31.25 = 43.75.
        var captive = E("C", "cs", 300, kind: SourceKinds.CaptiveCentre, notice: 365);
        var provider = E("P", "cs", 100);
        var scores = DependencyScore.Compute([captive, provider], Today);
        Assert.False(scores.ContainsKey(captive.EngagementId));
        Assert.Equal(43.75, scores[provider.EngagementId].Value);
    }

    [Theory]
    [InlineData(SourceKinds.CaptiveCentre)]
    [InlineData(SourceKinds.Partnership)]
    [InlineData(SourceKinds.Provider)]
    public void An_engagement_without_cost_gets_the_no_cost_finding_whoever_its_source(string kind)
    {
        var unknown = E("C", "cs", null, kind: kind);
        var provider = E("P", "cs", 100);
        var scores = DependencyScore.Compute([unknown, provider], Today);
        Assert.Null(scores[unknown.EngagementId].Value);
        Assert.Equal(FindingCodes.NoCostRecorded, Assert.Single(scores[unknown.EngagementId].Findings).Code);
        Assert.Equal(100, scores[provider.EngagementId].Value); // the unknown cost is left out of the shares
    }

    [Fact]
    public void A_partnership_gets_a_dependency_score_without_the_exit_addition()
    {
        // Partnership J 300 and provider P 100 in cs: J share 0.75, HHI 0.625: 37.5 + 31.25 = 68.75.
        // Its 365 days' notice adds nothing: the exit addition is for third parties.
        var partnership = E("J", "cs", 300, kind: SourceKinds.Partnership, notice: 365);
        var provider = E("P", "cs", 100);
        var scores = DependencyScore.Compute([partnership, provider], Today);
        Assert.Equal(68.75, scores[partnership.EngagementId].Value);
        Assert.DoesNotContain(scores[partnership.EngagementId].Factors, f => f.Name == "exit");
        Assert.Equal(43.75, scores[provider.EngagementId].Value);
    }

    [Fact]
    public void Captive_cost_is_shared_by_headcount_or_equally()
    {
        var x = Guid.NewGuid();
        var y = Guid.NewGuid();
        var byHeadcount = CaptiveCostAllocation.Allocate(1000, [(x, 30), (y, 10)]);
        Assert.Equal(750, byHeadcount[x]);
        Assert.Equal(250, byHeadcount[y]);
        var equally = CaptiveCostAllocation.Allocate(1000, [(x, 30), (y, null)]);
        Assert.Equal(500, equally[x]);
        Assert.Equal(500, equally[y]);
    }

    [Fact]
    public void Conversion_uses_the_latest_rate_on_or_before_the_date()
    {
        var rates = new CurrencyRates(
            [new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 3)],
            new Dictionary<string, double?[]> { ["USD"] = [1.0, 1.25], ["INR"] = [80.0, 100.0] });
        // 1000 INR in USD on 2025-01-05 (after the last row): 1000 x 1.25 / 100 = 12.5.
        Assert.Equal(12.5, rates.Convert(1000, "INR", "USD", new DateOnly(2025, 1, 5))!.Value.Amount, 10);
        Assert.Equal(10, rates.Convert(800, "INR", "USD", new DateOnly(2025, 1, 2))!.Value.Amount, 10);
        Assert.Equal(800, rates.Convert(1000, "USD", "EUR", new DateOnly(2025, 1, 3))!.Value.Amount, 10);
        Assert.Null(rates.Convert(1, "XYZ", "USD", new DateOnly(2025, 1, 3)));
        Assert.Null(rates.Convert(1, "INR", "USD", new DateOnly(2024, 12, 31)));
    }
}
