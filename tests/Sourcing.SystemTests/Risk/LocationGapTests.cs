using System.Text.Json;
using Sourcing.Contracts;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>One site, one answer: the risk service shows the grade and location gap the engagements service classified.</summary>
[Collection(SystemCollection.Name)]
public sealed class LocationGapTests(SystemFixture system)
{
    [Fact]
    public async Task A_Manila_engagement_of_a_US_tenant_shows_the_same_hours_and_grade_in_the_engagement_and_the_risk_breakdown()
    {
        using var t = await NewTenantAsync(system, "Distance Inc"); // HQ America/New_York
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var created = await CreateAsync(t.Api, "api/engagements", Engagement(providerId));
        var engagementId = created.GetProperty("id").GetGuid();
        var classification = created.GetProperty("classification");
        var year = DateTime.UtcNow.Year;

        // Manila +8 all year; New York -5 in January (13 h, 11 h the shorter way), -4 in July (12 h): mean 11.5 h.
        Assert.Equal("offshore", classification.GetProperty("locationGrade").GetString());
        Assert.Equal(11.5m, classification.GetProperty("locationGapHours").GetDecimal());
        Assert.Equal(year, classification.GetProperty("locationGapYear").GetInt32());
        Assert.Contains("offshore: 11.5 h from HQ's time on average", classification.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // An SLA with results, so that the quality score (with its distance factor) exists.
        var slaId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new SlaDefined { TenantId = t.TenantId, Sla = RiskEvents.Sla(slaId, engagementId) });
        await RiskEvents.PublishAsync(RiskEvents.Results(t.TenantId, engagementId, slaId, 60, 4));
        using var risk = Client(t.Tenant.AccessToken);
        var scores = await WaitForScoresAsync(risk, engagementId, s => Number(s, "quality") is not null, "a quality score");

        Assert.Equal("offshore", scores.GetProperty("locationGrade").GetString());
        Assert.Equal(11.5m, scores.GetProperty("locationGapHours").GetDecimal());
        Assert.Equal(year, scores.GetProperty("locationGapYear").GetInt32());
        var breakdown = scores.GetProperty("breakdown");
        var distance = Factor(breakdown.GetProperty("quality"), "distance");
        Assert.StartsWith($"offshore delivery site, 11.5 h from HQ's time on average (15 January and 15 July {year}) +10", distance, StringComparison.Ordinal);
        // The communication factor's hours are another DOMAIN quantity, named as such: the gap at 12:00 UTC today.
        var communication = Factor(breakdown.GetProperty("geopolitical"), "communication");
        Assert.Contains($"h between the site's and HQ's time at 12:00 UTC on {DateTime.UtcNow:yyyy-MM-dd}", communication, StringComparison.Ordinal);
        Assert.DoesNotContain("from HQ", communication, StringComparison.Ordinal);
    }

    private static string Factor(JsonElement factors, string name) =>
        factors.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("detail").GetString()!;
}
