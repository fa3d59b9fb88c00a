using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>Risk lists: unknown filters and sorts are 400 naming them, scores filter by country, countries are paged, alerts carry the engagement's name.</summary>
[Collection(SystemCollection.Name)]
public sealed class RiskListTests(SystemFixture system)
{
    [Fact]
    public async Task Lists_refuse_unknown_values_filter_scores_by_country_page_countries_and_name_the_engagement_of_an_alert()
    {
        var tenant = await system.NewTenantAsync("Risk Lists");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var (_, engagementId, _) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        await WaitForScoresAsync(api, engagementId, s => Number(s, "geopolitical") is not null, "the scores");

        // Unknown filter and sort values, and unknown parameters, were silently ignored (200).
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/scores?country=XX"), HttpStatusCode.BadRequest, "country");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/scores?sort=riskiest"), HttpStatusCode.BadRequest, "sort");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/scores?band=purple"), HttpStatusCode.BadRequest, "band");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/scores?provider=acme"), HttpStatusCode.BadRequest, "provider");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/alerts?severity=high"), HttpStatusCode.BadRequest, "severity");

        async Task<int> Count(string query) => (await api.GetFromJsonAsync<JsonElement>($"api/risk/scores?{query}")).GetProperty("totalCount").GetInt32();
        Assert.Equal(1, await Count("country=PH"));
        Assert.Equal(0, await Count("country=US"));
        Assert.Equal(1, await Count("sort=-geopolitical"));
        Assert.Equal(1, await Count("sort=quality&process=customer-service"));

        var countries = await api.GetFromJsonAsync<JsonElement>("api/risk/countries?pageSize=10&page=2");
        Assert.Equal(10, countries.GetProperty("items").GetArrayLength());
        Assert.Equal(2, countries.GetProperty("pageNumber").GetInt32());
        Assert.True(countries.GetProperty("totalCount").GetInt32() > 100);

        var alerts = await Eventually.WaitAsync(
            async () => await AlertsAsync(api, "&kind=policy-not-monitored") is { Count: > 0 } list ? list : null, Wait, "the not-monitored alert");
        Assert.Equal($"Engagement {engagementId.ToString()[..8]}", alerts[0].GetProperty("engagementName").GetString());
        var one = await api.GetFromJsonAsync<JsonElement>($"api/risk/alerts/{alerts[0].GetProperty("id").GetGuid()}");
        Assert.Equal($"Engagement {engagementId.ToString()[..8]}", one.GetProperty("engagementName").GetString());
    }
}
