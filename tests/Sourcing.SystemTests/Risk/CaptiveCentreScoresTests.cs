using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>The scores of a provider's and of a captive centre's engagements: each lists its own, and another tenant's source is 404.</summary>
[Collection(SystemCollection.Name)]
public sealed class CaptiveCentreScoresTests(SystemFixture system)
{
    [Fact]
    public async Task A_captive_centre_lists_its_engagements_scores_and_another_tenants_centre_is_not_found()
    {
        using var a = await NewTenantAsync(system, "Centre Scores Alpha");
        using var b = await NewTenantAsync(system, "Centre Scores Beta");
        var provider = await CreateIdAsync(a.Api, "api/providers", Provider());
        var providerWork = await CreateIdAsync(a.Api, "api/engagements", Engagement(provider, name: "Provider work"));
        var centre = await CreateIdAsync(a.Api, "api/captive-centres", CaptiveCentre());
        var centreWork = await CreateIdAsync(a.Api, "api/engagements", Engagement(captiveCentreId: centre, name: "Centre work", country: "PL"));

        using var riskA = Client(a.Tenant.AccessToken);
        using var riskB = Client(b.Tenant.AccessToken);
        await WaitForScoresAsync(riskA, centreWork, s => Number(s, "geopolitical") is not null, "the centre engagement's scores");
        await WaitForScoresAsync(riskA, providerWork, s => Number(s, "geopolitical") is not null, "the provider engagement's scores");

        var centreScores = await riskA.GetFromJsonAsync<List<JsonElement>>($"api/risk/captive-centres/{centre}/scores");
        var only = Assert.Single(centreScores!);
        Assert.Equal(centreWork, only.GetProperty("engagementId").GetGuid());
        Assert.Equal(centre, only.GetProperty("captiveCentreId").GetGuid());
        Assert.NotNull(Number(only, "composite"));
        var providerScores = await riskA.GetFromJsonAsync<List<JsonElement>>($"api/risk/providers/{provider}/scores");
        Assert.Equal([providerWork], providerScores!.Select(s => s.GetProperty("engagementId").GetGuid()));

        // Another tenant's centre, and a provider's id asked as a centre: not found.
        using (var response = await riskB.GetAsync($"api/risk/captive-centres/{centre}/scores"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await riskA.GetAsync($"api/risk/captive-centres/{provider}/scores"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
