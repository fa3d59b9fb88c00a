using System.Text.Json;
using Sourcing.Contracts;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>DOMAIN.md's dependency rules across source kinds: who is costed how, who gets a score, who gets "no cost recorded".</summary>
[Collection(SystemCollection.Name)]
public sealed class RiskDependencyTests(SystemFixture system)
{
    [Fact]
    public async Task A_partnership_is_costed_by_its_contract_and_scored_and_a_captive_centre_without_operating_cost_gets_no_cost_recorded()
    {
        var tenant = await system.NewTenantAsync("Risk Dependency Inc");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var providerId = Guid.NewGuid();
        var jvId = Guid.NewGuid();
        var captiveId = Guid.NewGuid();
        var providerEngagement = Guid.NewGuid();
        var jvEngagement = Guid.NewGuid();
        var captiveEngagement = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        // The joint venture runs at 10 M a year, but the tenant pays it 100,000 a year by contract.
        await RiskEvents.PublishAsync(new CaptiveCentreRegistered { TenantId = tenant.TenantId, CaptiveCentre = RiskEvents.Centre(jvId, SourceKinds.Partnership, 10_000_000m) });
        await RiskEvents.PublishAsync(new CaptiveCentreRegistered { TenantId = tenant.TenantId, CaptiveCentre = RiskEvents.Centre(captiveId, SourceKinds.CaptiveCentre, null) });
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = RiskEvents.Engagement(providerEngagement, providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = RiskEvents.CentreEngagement(jvEngagement, jvId, SourceKinds.Partnership) });
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = RiskEvents.CentreEngagement(captiveEngagement, captiveId, SourceKinds.CaptiveCentre) });

        // Provider 100,000 and partnership 100,000 in customer service (the captive centre has no cost, so is left out):
        // share 0.5, HHI 0.5 -> 50 each. Costed by its operating cost, the partnership would leave the provider about 1.
        var captive = await WaitForScoresAsync(api, captiveEngagement, s => Number(s, "geopolitical") is not null, "the captive engagement's scores");
        var provider = await WaitForScoresAsync(api, providerEngagement, s => Number(s, "dependency") == 50m, "the provider's dependency score of 50");
        var partnership = await WaitForScoresAsync(api, jvEngagement, s => Number(s, "dependency") is not null, "the partnership's dependency score");
        Assert.Equal(50m, Number(partnership, "dependency"));
        Assert.DoesNotContain(Codes(partnership), c => c == "no-cost-recorded");
        Assert.Contains(partnership.GetProperty("breakdown").GetProperty("dependency").EnumerateArray(), f => f.GetProperty("name").GetString() == "cost share");
        Assert.Equal(50m, Number(provider, "dependency"));

        Assert.Null(Number(captive, "dependency"));
        Assert.Contains("no-cost-recorded", Codes(captive));
    }

    private static List<string?> Codes(JsonElement scores) =>
        [.. scores.GetProperty("breakdown").GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString())];
}
