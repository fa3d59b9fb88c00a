using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>The dashboard's trend, read from its window of the score history, still counts an engagement last scored before the window in its band on every day of it.</summary>
[Collection(SystemCollection.Name)]
public sealed class PortfolioTrendTests(SystemFixture system)
{
    [Fact]
    public async Task An_engagement_last_scored_before_the_window_counts_in_that_band_on_every_day_and_one_scored_within_from_its_day()
    {
        var tenant = await system.NewTenantAsync("Trend Window Ltd");
        var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var (_, old, _) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        var (_, recent, _) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        await WaitForScoresAsync(api, old, s => Number(s, "geopolitical") is not null, "the first engagement's scores");
        await WaitForScoresAsync(api, recent, s => Number(s, "geopolitical") is not null, "the second engagement's scores");

        // The first engagement's whole history moves 100 days back, and the second's 3 days back: the window is the last 7 days in the company's zone.
        await ShiftHistoryAsync(tenant.TenantId, old, TimeSpan.FromDays(100));
        await ShiftHistoryAsync(tenant.TenantId, recent, TimeSpan.FromDays(3));
        var band = (await api.GetFromJsonAsync<JsonElement>($"api/risk/engagements/{old}/scores")).GetProperty("band").GetString()!;
        var recentBand = (await api.GetFromJsonAsync<JsonElement>($"api/risk/engagements/{recent}/scores")).GetProperty("band").GetString()!;

        var trend = await api.GetFromJsonAsync<JsonElement>("api/risk/portfolio/trend?days=7");
        var days = trend.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(7, days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            // Days 0-2 end before the second engagement's first score (3 days ago); from day 3 on (the day it was scored) it counts too.
            var expected = new Dictionary<string, int> { ["low"] = 0, ["medium"] = 0, ["high"] = 0, ["critical"] = 0 };
            expected[band]++;
            if (i >= 3)
            {
                expected[recentBand]++;
            }

            Assert.Equal(expected, expected.Keys.ToDictionary(b => b, b => days[i].GetProperty(b).GetInt32()));
        }
    }

    /// <summary>Moves an engagement's score history back in time.</summary>
    private static async Task ShiftHistoryAsync(Guid tenantId, Guid engagementId, TimeSpan back) =>
        Assert.True(await DigestSetup.ExecuteAsTenantAsync(
            tenantId, "UPDATE score_history SET computed_at = computed_at - @back WHERE engagement_id = @e", ("back", back), ("e", engagementId)) > 0);
}
