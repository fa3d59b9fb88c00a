using System.Net;
using System.Net.Http.Json;
using Sourcing.Contracts;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>Events flow into scores, alerts and the risk events; redelivery and concurrent recomputes change nothing twice.</summary>
[Collection(SystemCollection.Name)]
public sealed class RiskScoringTests(SystemFixture system)
{
    [Fact]
    public async Task An_event_changes_the_score_within_seconds_and_the_same_event_twice_changes_nothing()
    {
        var tenant = await system.NewTenantAsync("Risk Flow Inc");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var (_, engagementId, slaId) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, missEvery: 4);

        // 60 daily periods, 15 missed at shortfall 0.25: m 0.25, d 0.25 -> 15.625; trend none; offshore +10 = 25.63.
        var first = await WaitForScoresAsync(api, engagementId, s => Number(s, "quality") is not null, "a quality score");
        Assert.Equal(25.63m, Number(first, "quality"));
        Assert.NotNull(Number(first, "geopolitical"));
        Assert.NotNull(Number(first, "dependency"));
        Assert.Contains("miss rate 0.25 on First-contact resolution", first.GetProperty("breakdown").GetProperty("quality")[0].GetProperty("detail").GetString());
        await Eventually.WaitAsync(async () => await OutboxCountAsync("RiskScoresChanged", "engagementId", engagementId.ToString()) > 0, Wait, "RiskScoresChanged");

        // A worse batch: every second day missed -> m 0.5, d 0.25 -> 31.25 + 10 = 41.25.
        var worse = RiskEvents.Results(tenant.TenantId, engagementId, slaId, 60, 2);
        await RiskEvents.PublishAsync(worse);
        var second = await WaitForScoresAsync(api, engagementId, s => Number(s, "quality") == 41.25m, "the worse quality score");
        var events = await Eventually.WaitAsync(async () =>
        {
            var n = await OutboxCountAsync("RiskScoresChanged", "engagementId", engagementId.ToString());
            return n >= 2 ? (object)n : null;
        }, Wait, "a second RiskScoresChanged");
        var history = await api.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"api/risk/engagements/{engagementId}/history");

        // The same event again (same EventId, a new broker message): the inbox skips it.
        await RiskEvents.PublishAsync(worse, rowId: Guid.NewGuid());
        await Eventually.WaitAsync(
            async () => await SystemFixture.ScalarAsync<long>("sourcing_tenants", "SELECT count(*) FROM outbox_messages WHERE payload ->> 'eventId' = @id AND sent_at IS NULL", ("id", worse.EventId.ToString())) == 0,
            Wait, "the redelivery to be published");
        await Task.Delay(2000);
        Assert.Equal((long)events, await OutboxCountAsync("RiskScoresChanged", "engagementId", engagementId.ToString()));
        var after = (await ScoresAsync(api, engagementId))!.Value;
        Assert.Equal(second.GetProperty("changedAt").GetDateTimeOffset(), after.GetProperty("changedAt").GetDateTimeOffset());
        Assert.Equal(history!.Count, (await api.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"api/risk/engagements/{engagementId}/history"))!.Count);
    }

    [Fact]
    public async Task Two_recomputes_at_once_give_the_result_of_one_and_alerts_resolve_when_the_cause_goes_away()
    {
        var tenant = await system.NewTenantAsync("Risk Twice Inc");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        // No SLA: not monitored; personal-free, standard. The not-monitored policy alert opens.
        var (_, engagementId, _) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        await WaitForScoresAsync(api, engagementId, s => Number(s, "geopolitical") is not null, "scores");
        var alert = await Eventually.WaitAsync(
            async () => (await AlertsAsync(api, "&kind=policy-not-monitored&status=open")).Cast<System.Text.Json.JsonElement?>().FirstOrDefault() is { } a ? new object[] { a } : null,
            Wait, "the not-monitored alert");
        var alertId = ((System.Text.Json.JsonElement)alert[0]).GetProperty("id").GetGuid();

        var before = await ScoresAsync(api, engagementId);
        var historyBefore = (await api.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"api/risk/engagements/{engagementId}/history"))!.Count;
        var changedBefore = await OutboxCountAsync("RiskScoresChanged", "engagementId", engagementId.ToString());
        var admin = system.Api(tenant.AccessToken);
        var requests = await Task.WhenAll(
            api.PostAsync("api/risk/recompute", null), api.PostAsync("api/risk/recompute", null), api.PostAsync("api/risk/recompute", null));
        Assert.All(requests, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await Eventually.WaitAsync(
            async () => (await ScoresAsync(api, engagementId))!.Value.GetProperty("computedAt").GetDateTimeOffset() > before!.Value.GetProperty("computedAt").GetDateTimeOffset(),
            Wait, "the recomputes to run");
        await Task.Delay(1500);
        Assert.Equal(historyBefore, (await api.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"api/risk/engagements/{engagementId}/history"))!.Count);
        Assert.Equal(changedBefore, await OutboxCountAsync("RiskScoresChanged", "engagementId", engagementId.ToString()));
        var open = await AlertsAsync(api, "&status=open");
        Assert.Equal(open.Count, open.Select(a => (a.GetProperty("subject").GetString(), a.GetProperty("kind").GetString())).Distinct().Count());
        Assert.Single(open, a => a.GetProperty("kind").GetString() == "policy-not-monitored");
        Assert.Equal(1, await OutboxCountAsync("RiskAlertRaised", "alertId", alertId.ToString()));

        // The cause goes away: an SLA with results. The alert resolves by itself and says so.
        var slaId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new SlaDefined { TenantId = tenant.TenantId, Sla = RiskEvents.Sla(slaId, engagementId) });
        await RiskEvents.PublishAsync(RiskEvents.Results(tenant.TenantId, engagementId, slaId, 10, 0));
        await Eventually.WaitAsync(
            async () => (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/risk/alerts/{alertId}")).GetProperty("status").GetString() == "resolved",
            Wait, "the alert to resolve");
        Assert.Equal("automatic", (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/risk/alerts/{alertId}")).GetProperty("resolvedBy").GetString());
        await Eventually.WaitAsync(async () => await OutboxCountAsync("RiskAlertResolved", "alertId", alertId.ToString()) == 1, Wait, "RiskAlertResolved");
        admin.Dispose();
    }
}
