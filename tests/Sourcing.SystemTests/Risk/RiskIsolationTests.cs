using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>Every risk endpoint, both ways between two tenants; overrides; bad input; the dashboard's door.</summary>
[Collection(SystemCollection.Name)]
public sealed class RiskIsolationTests(SystemFixture system)
{
    private sealed record Seeded(SignedUpTenant Tenant, HttpClient Api, Guid ProviderId, Guid EngagementId, Guid AlertId);

    private async Task<Seeded> SeedAsync(string company)
    {
        var tenant = await system.NewTenantAsync(company);
        var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var (providerId, engagementId, _) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        await WaitForScoresAsync(api, engagementId, s => Number(s, "geopolitical") is not null, $"{company}'s scores");
        var alerts = await Eventually.WaitAsync(
            async () => await AlertsAsync(api, "&kind=policy-not-monitored") is { Count: > 0 } list ? list : null, Wait, $"{company}'s alert");
        return new Seeded(tenant, api, providerId, engagementId, alerts[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Two_resolves_of_one_alert_at_once_resolve_it_once_announce_it_once_and_audit_it_once()
    {
        var a = await SeedAsync("Risk Gamma");
        var answers = await Task.WhenAll(
            a.Api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/resolve", new { comment = "Fixed by the provider." }),
            a.Api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/resolve", new { comment = "Fixed, I think." }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        Assert.Equal(1L, await SystemFixture.ScalarAsync<long>(
            "sourcing_risk",
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.RiskAlertResolved' AND payload->>'alertId' = @id",
            ("t", a.Tenant.TenantId),
            ("id", a.AlertId.ToString())));

        // The tenant-wide audit trail holds the one resolve, with who did it.
        using var tenants = system.Api(a.Tenant.AccessToken);
        var entries = await Eventually.WaitAsync(
            async () => (await tenants.GetFromJsonAsync<JsonElement>($"api/audit?service=risk&subjectId={a.AlertId}"))
                .GetProperty("items").EnumerateArray().ToList() is { Count: > 0 } list ? list : null,
            Wait,
            "the resolve in the audit trail");
        await Task.Delay(500);
        entries = (await tenants.GetFromJsonAsync<JsonElement>($"api/audit?service=risk&subjectId={a.AlertId}")).GetProperty("items").EnumerateArray().ToList();
        var resolved = Assert.Single(entries);
        Assert.Equal("resolved", resolved.GetProperty("action").GetString());
        Assert.Equal("alert", resolved.GetProperty("subjectType").GetString());
        Assert.Equal(a.Tenant.AdminUserId.ToString(), resolved.GetProperty("actorId").GetString());
    }

    [Fact]
    public async Task Each_tenant_sees_and_touches_only_its_own_risk_data_through_every_endpoint()
    {
        var a = await SeedAsync("Risk Alpha");
        var b = await SeedAsync("Risk Beta");
        foreach (var (me, other) in new[] { (a, b), (b, a) })
        {
            var api = me.Api;
            // Reads of the other's ids: 404.
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"api/risk/engagements/{other.EngagementId}/scores")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"api/risk/engagements/{other.EngagementId}/history")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"api/risk/providers/{other.ProviderId}/scores")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"api/risk/alerts/{other.AlertId}")).StatusCode);
            // Writes on the other's alert: 404 and nothing changes.
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"api/risk/alerts/{other.AlertId}/acknowledge", new { comment = "not mine" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"api/risk/alerts/{other.AlertId}/resolve", new { comment = "not mine" })).StatusCode);
            Assert.Equal("open", (await other.Api.GetFromJsonAsync<JsonElement>($"api/risk/alerts/{other.AlertId}")).GetProperty("status").GetString());

            // Own data works; lists and totals hold only one's own rows.
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api/risk/engagements/{me.EngagementId}/scores")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api/risk/engagements/{me.EngagementId}/history")).StatusCode);
            var providerScores = await api.GetFromJsonAsync<List<JsonElement>>($"api/risk/providers/{me.ProviderId}/scores");
            Assert.Single(providerScores!);
            var list = await api.GetFromJsonAsync<JsonElement>("api/risk/scores");
            Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
            Assert.Equal(me.EngagementId, list.GetProperty("items")[0].GetProperty("engagementId").GetGuid());
            var alerts = await AlertsAsync(api);
            Assert.DoesNotContain(alerts, x => x.GetProperty("id").GetGuid() == other.AlertId);
            Assert.All(alerts, x => Assert.NotEqual(other.EngagementId, x.GetProperty("engagementId").ValueKind == JsonValueKind.Null ? Guid.Empty : x.GetProperty("engagementId").GetGuid()));
            var portfolio = await api.GetFromJsonAsync<JsonElement>("api/risk/portfolio");
            Assert.Equal(1, portfolio.GetProperty("countsByBand").EnumerateObject().Sum(p => p.Value.GetInt32()));
            Assert.Equal(me.EngagementId, portfolio.GetProperty("riskiest")[0].GetProperty("engagementId").GetGuid());
            // The trend counts one's own engagement only: on its last day (today) exactly one in a band.
            var trend = await api.GetFromJsonAsync<JsonElement>("api/risk/portfolio/trend?days=7");
            var days = trend.GetProperty("days");
            Assert.Equal(7, days.GetArrayLength());
            var today = days[6];
            Assert.Equal(1, new[] { "low", "medium", "high", "critical" }.Sum(band => today.GetProperty(band).GetInt32()));
        }

        // The trend's window is bounded: a bad value is a 400 naming the field.
        using (var bad = await a.Api.GetAsync("api/risk/portfolio/trend?days=400"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("days", out _));
        }

        // Acknowledge and resolve one's own alert.
        using (var ack = await a.Api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/acknowledge", new { comment = "Asked the provider for SLAs." }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            Assert.Equal("acknowledged", (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        using (var resolve = await a.Api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/resolve", new { comment = "Done." }))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        // Country overrides: A's override changes A's scores only, and shows only to A.
        var aBefore = (await ScoresAsync(a.Api, a.EngagementId))!.Value;
        var bBefore = (await ScoresAsync(b.Api, b.EngagementId))!.Value;
        using (var put = await a.Api.PutAsJsonAsync("api/risk/countries/PH/override", new { politicalStability = 100, note = "Our own assessment" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var aAfter = await WaitForScoresAsync(a.Api, a.EngagementId, s => Number(s, "geopolitical") != Number(aBefore, "geopolitical"), "A's geopolitical score to follow the override");
        Assert.Contains("tenant override", aAfter.GetProperty("breakdown").GetProperty("geopolitical")[0].GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, (await b.Api.GetFromJsonAsync<JsonElement>("api/risk/countries/PH")).GetProperty("override").ValueKind);
        Assert.Equal(100m, (await a.Api.GetFromJsonAsync<JsonElement>("api/risk/countries/PH")).GetProperty("override").GetProperty("politicalStability").GetDecimal());
        await Task.Delay(1000);
        Assert.Equal(Number(bBefore, "geopolitical"), Number((await ScoresAsync(b.Api, b.EngagementId))!.Value, "geopolitical"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.DeleteAsync("api/risk/countries/PH/override")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.Api.DeleteAsync("api/risk/countries/PH/override")).StatusCode);

        a.Api.Dispose();
        b.Api.Dispose();
    }

    [Fact]
    public async Task Bad_input_on_overrides_and_acknowledgements_answers_400_naming_the_field_and_writes_nothing()
    {
        var a = await SeedAsync("Risk Bad Input");
        var api = a.Api;
        await Problems.AssertProblemAsync(await api.PutAsJsonAsync("api/risk/countries/PH/override", new { politicalStability = 150 }), HttpStatusCode.BadRequest, "politicalStability");
        await Problems.AssertProblemAsync(await api.PutAsJsonAsync("api/risk/countries/PH/override", new { currencyRisk = -1, communicationRisk = 101 }), HttpStatusCode.BadRequest, "currencyRisk", "communicationRisk");
        await Problems.AssertProblemAsync(await api.PutAsJsonAsync("api/risk/countries/PH/override", new { note = "nothing set" }), HttpStatusCode.BadRequest, "politicalStability");
        await Problems.AssertProblemAsync(await api.PutAsJsonAsync("api/risk/countries/XX/override", new { politicalStability = 10 }), HttpStatusCode.BadRequest, "code");
        Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>("api/risk/countries/PH")).GetProperty("override").ValueKind);

        await Problems.AssertProblemAsync(await api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/acknowledge", new { comment = "" }), HttpStatusCode.BadRequest, "comment");
        await Problems.AssertProblemAsync(await api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/acknowledge", new { comment = new string('x', 2001) }), HttpStatusCode.BadRequest, "comment");
        await Problems.AssertProblemAsync(await api.GetAsync("api/risk/alerts?status=maybe"), HttpStatusCode.BadRequest, "status");

        // PostgreSQL text cannot hold U+0000: it was a 500; now 400 naming the field, and nothing changes.
        await Problems.AssertProblemAsync(await api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/acknowledge", new { comment = "Seen\u0000" }), HttpStatusCode.BadRequest, "comment");
        await Problems.AssertProblemAsync(await api.PostAsJsonAsync($"api/risk/alerts/{a.AlertId}/resolve", new { comment = "\u0000" }), HttpStatusCode.BadRequest, "comment");
        Assert.Equal("open", (await api.GetFromJsonAsync<JsonElement>($"api/risk/alerts/{a.AlertId}")).GetProperty("status").GetString());
        api.Dispose();
    }

    [Fact]
    public async Task The_dashboard_refuses_anonymous_users_and_tenant_admins_and_admits_a_platform_admin()
    {
        var tenant = await system.NewTenantAsync("Risk Dashboard");
        var risk = new Uri($"http://127.0.0.1:{SystemFixture.Port("Risk")}/");
        using (var anonymous = SourcingClient.Api(risk, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("hangfire")).StatusCode);
        }

        using (var admin = SourcingClient.Api(risk, tenant.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("hangfire")).StatusCode);
        }

        var key = TokenForge.DevelopmentSigningKey(system.KeysDirectory);
        var token = TokenForge.Create(key, system.Identity, "risk", tenant.TenantId, "platform-admin", DateTime.UtcNow.AddMinutes(10));
        using var operatorApi = SourcingClient.Api(risk, token);
        using var page = await operatorApi.GetAsync("hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync());
    }
}
