using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Contracts;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>DOMAIN.md: an alert when a contract enters its notice window without a renewal decision.</summary>
[Collection(SystemCollection.Name)]
public sealed class RiskNoticeWindowTests(SystemFixture system)
{
    [Fact]
    public async Task A_contract_in_its_notice_window_alerts_until_a_renewal_decision_is_recorded_even_when_it_renews_automatically()
    {
        var tenant = await system.NewTenantAsync("Risk Notice Inc");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var providerId = Guid.NewGuid();
        var engagementId = Guid.NewGuid();
        var engagement = RiskEvents.Engagement(engagementId, providerId);
        // Ends in 30 days with 90 days' notice and automatic renewal: inside the window, undecided.
        engagement = engagement with { Contract = engagement.Contract! with { End = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) } };
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = engagement });
        var alert = await Eventually.WaitAsync(
            async () => (await AlertsAsync(api, $"&kind=notice-window&engagementId={engagementId}&status=open")).Cast<JsonElement?>().FirstOrDefault() is { } a ? new object[] { a } : null,
            Wait, "the notice-window alert");
        var alertId = ((JsonElement)alert[0]).GetProperty("id").GetGuid();

        // The tenant decides to renew: the alert resolves by itself.
        var decided = engagement with { Contract = engagement.Contract! with { RenewalDecision = RenewalDecisions.Renew }, Version = 2 };
        await RiskEvents.PublishAsync(new EngagementChanged { TenantId = tenant.TenantId, Engagement = decided, ChangedFields = ["contract.renewalDecision"] });
        await Eventually.WaitAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>($"api/risk/alerts/{alertId}")).GetProperty("status").GetString() == "resolved",
            Wait, "the notice-window alert to resolve");
    }
}
