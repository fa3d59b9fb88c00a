using System.Net;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// GET api/engagements/classification: what a would-be engagement would be classified as, computed
/// as a create computes it, in the caller's tenant, with bad input named and nothing saved.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementClassificationTests(SystemFixture system)
{
    [Fact]
    public async Task The_classification_of_a_would_be_engagement_is_what_creating_it_gives_and_nothing_is_saved()
    {
        using var t = await NewTenantAsync(system);
        var manila = await CreateIdAsync(t.Api, "api/providers", Provider());
        var boston = await CreateIdAsync(t.Api, "api/providers", Provider("Boston Contact Center Inc", "US"));

        var offshore = await ClassifyAsync(t.Api, $"providerId={manila}&scope=whole-process&businessProcess=customer-service&deliveryCountry=PH&contractStart=2026-01-01&contractEnd=2028-12-31");
        Assert.Equal("offshore-bpo-outsourcing", offshore.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("provider", offshore.GetProperty("sourceKind").GetString());
        Assert.Equal("Asia/Manila", offshore.GetProperty("deliveryTimeZone").GetString());
        // Only the country changes: domestic, relative to the tenant's HQ (US).
        var domestic = await ClassifyAsync(t.Api, $"providerId={boston}&scope=whole-process&businessProcess=customer-service&deliveryCountry=US&deliveryTimeZone=America/New_York&contractStart=2026-01-01&contractEnd=2028-12-31");
        Assert.Equal("bpo-outsourcing", domestic.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("onshore", domestic.GetProperty("classification").GetProperty("locationGrade").GetString());
        Assert.Equal(0, await CountAsync("engagements", t.TenantId));
        Assert.Empty(await OutboxAsync(t.TenantId, "EngagementCreated"));

        // Creating the same engagement gives exactly the same classification and reason.
        var created = await CreateAsync(t.Api, "api/engagements", Engagement(manila));
        Assert.Equal(created.GetProperty("classification").ToString(), offshore.GetProperty("classification").ToString());
    }

    [Fact]
    public async Task A_captive_centre_delivers_in_its_own_country_unless_told_otherwise()
    {
        using var t = await NewTenantAsync(system);
        var centre = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre());
        var answer = await ClassifyAsync(t.Api, $"captiveCentreId={centre}&scope=whole-process&businessProcess=accounting");
        Assert.Equal("offshoring-captive-centre", answer.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("captive-centre", answer.GetProperty("sourceKind").GetString());
        Assert.Equal("PL", answer.GetProperty("deliveryCountry").GetString());
        Assert.Contains("Poland", answer.GetProperty("classification").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        using var t = await NewTenantAsync(system);
        var manila = await CreateIdAsync(t.Api, "api/providers", Provider());
        var good = $"providerId={manila}&scope=whole-process&businessProcess=customer-service&deliveryCountry=PH&contractStart=2026-01-01&contractEnd=2028-12-31";
        Assert.Equal("offshore-bpo-outsourcing", (await ClassifyAsync(t.Api, good)).GetProperty("classification").GetProperty("kind").GetString());

        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?providerId={manila}&businessProcess=customer-service"), HttpStatusCode.BadRequest, "scope");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?{good.Replace("customer-service", "gardening", StringComparison.Ordinal)}"), HttpStatusCode.BadRequest, "businessProcess");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?providerId={manila}&scope=whole-process&businessProcess=customer-service&deliveryCountry=XX"), HttpStatusCode.BadRequest, "deliveryCountry");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?{good}&deliveryTimeZone=Europe/Paris"), HttpStatusCode.BadRequest, "deliveryTimeZone");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?{good}&placeOfWork=home"), HttpStatusCode.BadRequest, "placeOfWork");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?providerId={manila}&scope=whole-process&businessProcess=customer-service&contractStart=2027-01-01&contractEnd=2026-01-01"), HttpStatusCode.BadRequest, "contractEnd");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/engagements/classification?scope=whole-process&businessProcess=customer-service&deliveryCountry=PH"), HttpStatusCode.BadRequest, "providerId");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?{good.Replace(manila.ToString(), "nonsense", StringComparison.Ordinal)}"), HttpStatusCode.BadRequest, "providerId");
        await Problems.AssertProblemAsync(await t.Api.GetAsync($"api/engagements/classification?{good}&colour=blue"), HttpStatusCode.BadRequest, "colour");
        // Without a long-term contract the same work is not BPO (DOMAIN.md), so the dates count.
        Assert.Equal("offshore-outsourcing", (await ClassifyAsync(t.Api, $"providerId={manila}&scope=whole-process&businessProcess=customer-service&deliveryCountry=PH"))
            .GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal(0, await CountAsync("engagements", t.TenantId));
    }

    [Fact]
    public async Task Another_tenants_provider_is_not_found_and_viewers_may_ask()
    {
        using var a = await NewTenantAsync(system, "Tenant A Ltd");
        using var b = await NewTenantAsync(system, "Tenant B Ltd");
        var aProvider = await CreateIdAsync(a.Api, "api/providers", Provider());
        var query = $"providerId={aProvider}&scope=whole-process&businessProcess=customer-service&deliveryCountry=PH&contractStart=2026-01-01&contractEnd=2028-12-31";
        var problem = await Problems.AssertProblemAsync(await b.Api.GetAsync($"api/engagements/classification?{query}"), HttpStatusCode.BadRequest, "providerId");
        Assert.Contains("no provider", problem.ToString(), StringComparison.Ordinal);

        var key = TokenForge.DevelopmentSigningKey(system.KeysDirectory);
        using var viewer = ApiWithToken(system, TokenForge.Create(key, system.Identity, "engagements", a.TenantId, "viewer", DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal("offshore-bpo-outsourcing", (await ClassifyAsync(viewer, query)).GetProperty("classification").GetProperty("kind").GetString());
        using var anonymous = new HttpClient { BaseAddress = Url(system) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/engagements/classification?{query}")).StatusCode);
    }

    private static async Task<JsonElement> ClassifyAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync($"api/engagements/classification?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"classification answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
