using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>
/// The provider-failure what-if (GET /api/risk/what-if/failure) over providers, engagements and an
/// SLA created through the APIs: the figures computed, each tenant seeing only its own, bad input
/// named, and no answer without a token.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FailureWhatIfTests(SystemFixture system)
{
    [Fact]
    public async Task A_providers_failure_strands_its_engagements_and_critical_process_and_raises_the_other_providers_dependency()
    {
        using var a = await NewTenantAsync(system, "What If Alpha");
        var alpha = await CreateIdAsync(a.Api, "api/providers", Provider("Alpha Manila BPO Inc", "PH"));
        var beta = await CreateIdAsync(a.Api, "api/providers", Provider("Beta Bangalore IT Pvt Ltd", "IN"));
        // Every contract 1,200,000 USD a year (the tenant reports in USD), ending within 24 months with 90 days'
        // notice (no exit addition), 80 people each.
        var contactCentre = await CreateIdAsync(a.Api, "api/engagements", Work(alpha, "Alpha contact centre", "customer-service", "critical", "PH"));
        var helpdesk = await CreateIdAsync(a.Api, "api/engagements", Work(alpha, "Alpha helpdesk", "it-services", "important", "PH"));
        var development = await CreateIdAsync(a.Api, "api/engagements", Work(beta, "Beta development", "it-services", "standard", "IN"));
        await DefineSlaAsync(a.Tenant.AccessToken, contactCentre);

        using var riskA = Client(a.Tenant.AccessToken);
        var result = await Eventually.WaitAsync(
            async () => await RiskApi.GetAsync(riskA, $"api/risk/what-if/failure?providerId={alpha}") is { } r
                && r.GetProperty("stranded").GetProperty("slas").GetInt32() == 1 && r.GetProperty("dependencyChanges").GetArrayLength() == 1
                    ? new Box(r) : null,
            TimeSpan.FromSeconds(60),
            "the risk service to hold the three engagements and the SLA");
        var whatIf = result.Value;
        Assert.Equal("provider", whatIf.GetProperty("failure").GetString());
        Assert.Equal("Alpha Manila BPO Inc", whatIf.GetProperty("name").GetString());
        Assert.Equal("USD", whatIf.GetProperty("reportingCurrency").GetString());

        // Alpha's two engagements stop: 2,400,000 a year, 160 people, one critical engagement, one SLA.
        var stranded = whatIf.GetProperty("stranded");
        Assert.Equal(2, stranded.GetProperty("engagements").GetInt32());
        Assert.Equal(2_400_000m, stranded.GetProperty("spend").GetDecimal());
        Assert.Equal(0, stranded.GetProperty("engagementsWithoutCost").GetInt32());
        Assert.Equal(160, stranded.GetProperty("headcount").GetInt32());
        Assert.Equal(1, stranded.GetProperty("criticalEngagements").GetInt32());
        Assert.Equal(1, stranded.GetProperty("slas").GetInt32());
        var stopping = whatIf.GetProperty("stopping").EnumerateArray().ToList();
        Assert.Equal([contactCentre, helpdesk], stopping.Select(s => s.GetProperty("engagementId").GetGuid()));
        Assert.Equal("critical", stopping[0].GetProperty("criticality").GetString());
        Assert.Equal(1_200_000m, stopping[0].GetProperty("annualCost").GetDecimal());
        Assert.Equal(1, stopping[0].GetProperty("slas").GetInt32());
        Assert.Equal(80, stopping[1].GetProperty("headcount").GetInt32());

        // Customer service has no other source (and is critical); IT services keeps Beta.
        var orphaned = Assert.Single(whatIf.GetProperty("processesWithoutAlternative").EnumerateArray());
        Assert.Equal("customer-service", orphaned.GetProperty("process").GetString());
        Assert.True(orphaned.GetProperty("critical").GetBoolean());

        // Beta before: share 1.2 M / 3.6 M = 1/3, IT-services HHI (1/2)^2 + (1/2)^2 = 0.5 -> 100 x (1/6 + 1/4) = 41.67.
        // After: Beta alone, share 1 and HHI 1 -> 100 (IT services has no critical engagement): +58.33.
        var change = Assert.Single(whatIf.GetProperty("dependencyChanges").EnumerateArray());
        Assert.Equal(development, change.GetProperty("engagementId").GetGuid());
        Assert.Equal(41.67m, change.GetProperty("before").GetDecimal());
        Assert.Equal(100m, change.GetProperty("after").GetDecimal());
        Assert.Equal(58.33m, change.GetProperty("change").GetDecimal());
        // The before is the score the recompute stores.
        await WaitForScoresAsync(riskA, development, s => Number(s, "dependency") == 41.67m, "Beta development's dependency score of 41.67");

        // A country: the Philippines delivers both of Alpha's engagements.
        var philippines = await riskA.GetFromJsonAsync<JsonElement>("api/risk/what-if/failure?country=PH");
        Assert.Equal(2, philippines.GetProperty("stranded").GetProperty("engagements").GetInt32());
        Assert.Equal("country", philippines.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task Each_tenant_sees_only_its_own_what_if_and_an_unknown_or_other_tenants_source_is_not_found()
    {
        using var a = await NewTenantAsync(system, "What If Isolation Alpha");
        using var b = await NewTenantAsync(system, "What If Isolation Beta");
        var alphaProvider = await CreateIdAsync(a.Api, "api/providers", Provider("Isolated Alpha BPO Inc", "PH"));
        var alphaWork = await CreateIdAsync(a.Api, "api/engagements", Work(alphaProvider, "Isolated Alpha work", "customer-service", "critical", "PH"));
        var alphaCentre = await CreateIdAsync(a.Api, "api/captive-centres", CaptiveCentre());
        var betaProvider = await CreateIdAsync(b.Api, "api/providers", Provider("Isolated Beta BPO Inc", "PH"));
        var betaWork = await CreateIdAsync(b.Api, "api/engagements", Work(betaProvider, "Isolated Beta work", "customer-service", "important", "PH"));
        using var riskA = Client(a.Tenant.AccessToken);
        using var riskB = Client(b.Tenant.AccessToken);
        await Eventually.WaitAsync(
            async () => await RiskApi.GetAsync(riskA, "api/risk/what-if/failure?country=PH") is { } r && r.GetProperty("stopping").GetArrayLength() == 1,
            TimeSpan.FromSeconds(60), "A's engagement in the risk service");
        await Eventually.WaitAsync(
            async () => await RiskApi.GetAsync(riskB, "api/risk/what-if/failure?country=PH") is { } r && r.GetProperty("stopping").GetArrayLength() == 1,
            TimeSpan.FromSeconds(60), "B's engagement in the risk service");

        // Each tenant's Philippines holds only its own engagement.
        foreach (var (api, mine, theirs) in new[] { (riskA, alphaWork, betaWork), (riskB, betaWork, alphaWork) })
        {
            var country = await api.GetFromJsonAsync<JsonElement>("api/risk/what-if/failure?country=ph");
            Assert.Equal([mine], country.GetProperty("stopping").EnumerateArray().Select(s => s.GetProperty("engagementId").GetGuid()));
            Assert.DoesNotContain(theirs.ToString(), country.GetRawText(), StringComparison.Ordinal);
        }

        // Another tenant's provider or centre, and unknown ids: 404 ProblemDetails, both ways.
        await Problems.AssertProblemAsync(await riskB.GetAsync($"api/risk/what-if/failure?providerId={alphaProvider}"), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await riskB.GetAsync($"api/risk/what-if/failure?captiveCentreId={alphaCentre}"), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await riskA.GetAsync($"api/risk/what-if/failure?providerId={betaProvider}"), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await riskA.GetAsync($"api/risk/what-if/failure?providerId={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        // A provider's id asked as a captive centre is not a centre.
        await Problems.AssertProblemAsync(await riskA.GetAsync($"api/risk/what-if/failure?captiveCentreId={alphaProvider}"), HttpStatusCode.NotFound);
        // A's own still answers.
        Assert.NotNull(await RiskApi.GetAsync(riskA, $"api/risk/what-if/failure?providerId={alphaProvider}"));
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_no_token_is_401()
    {
        var tenant = await system.NewTenantAsync("What If Bad Input");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var id = Guid.NewGuid();

        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/what-if/failure"), HttpStatusCode.BadRequest, "providerId", "captiveCentreId", "country");
        await Problems.AssertProblemAsync(await api.GetAsync($"api/risk/what-if/failure?providerId={id}&country=PH"), HttpStatusCode.BadRequest, "providerId", "country");
        await Problems.AssertProblemAsync(await api.GetAsync($"api/risk/what-if/failure?providerId={id}&captiveCentreId={id}"), HttpStatusCode.BadRequest, "providerId", "captiveCentreId");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/what-if/failure?country=XX"), HttpStatusCode.BadRequest, "country");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/what-if/failure?country=Philippines"), HttpStatusCode.BadRequest, "country");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/what-if/failure?providerId=acme"), HttpStatusCode.BadRequest, "providerId");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/what-if/failure?provider=acme"), HttpStatusCode.BadRequest, "provider");

        using var anonymous = SourcingClient.Api(new Uri($"http://127.0.0.1:{SystemFixture.Port("Risk")}/"), null);
        using var response = await anonymous.GetAsync("api/risk/what-if/failure?country=PH");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Dictionary<string, object?> Work(Guid providerId, string name, string process, string criticality, string country)
    {
        var body = Engagement(providerId, name: name, country: country);
        body["businessProcess"] = process;
        body["criticality"] = criticality;
        body["contract"] = Contract(end: "2027-12-31");
        return body;
    }

    private async Task DefineSlaAsync(string accessToken, Guid engagementId)
    {
        using var sla = SourcingClient.Api(system.Service("Sla").Url, accessToken);
        var body = new { metric = "First-contact resolution", unit = "%", target = 80m, direction = "at-least", period = "monthly" };
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await sla.PostAsJsonAsync($"api/engagements/{engagementId}/slas", body);
                return response.StatusCode == HttpStatusCode.Created;
            },
            TimeSpan.FromSeconds(60),
            "the SLA service to know the engagement");
    }

    private sealed record Box(JsonElement Value);
}
