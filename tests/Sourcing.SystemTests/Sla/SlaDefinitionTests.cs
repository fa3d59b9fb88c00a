using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Sla;

[Collection(SystemCollection.Name)]
public sealed class SlaDefinitionTests(SystemFixture system)
{
    [Fact]
    public async Task Define_change_and_retire_keep_every_version_and_publish_SlaDefined_SlaChanged_and_SlaRetired()
    {
        var tenant = await system.NewTenantAsync();
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), SlaKit.Today.AddDays(-200)));
        using var api = system.Sla(tenant.AccessToken);
        var slaId = await api.DefineAsync(engagementId, "Calls answered within 20 s", 80m, "at-least", "daily", 5m);

        using (var get = await api.GetAsync($"api/slas/{slaId}"))
        {
            Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        }

        var change = new { metric = "Calls answered within 20 s", unit = "%", target = 85m, direction = "at-least", period = "daily", weight = 2m, serviceCreditPercent = 5m };
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"api/slas/{slaId}") { Content = JsonContent.Create(change) })
        {
            put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            using var changed = await api.SendAsync(put);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"api/slas/{slaId}") { Content = JsonContent.Create(change with { }) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            using var refused = await api.SendAsync(stale);
            await Problems.AssertProblemAsync(refused, HttpStatusCode.PreconditionFailed);
        }

        using (var retire = await api.PostAsync($"api/slas/{slaId}/retire", null))
        {
            var retired = await retire.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("retired", retired.GetProperty("status").GetString());
            Assert.Equal(3, retired.GetProperty("version").GetInt32());
        }

        var versions = (await api.GetFromJsonAsync<JsonElement>($"api/slas/{slaId}/versions")).EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([80m, 85m, 85m], versions.Select(v => v.GetProperty("target").GetDecimal()));
        Assert.Equal(["target", "weight"], versions[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("retired", versions[2].GetProperty("status").GetString());

        // A retired SLA is listed only on request, and takes no measurements.
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"api/engagements/{engagementId}/slas")).GetProperty("items").EnumerateArray());
        Assert.Single((await api.GetFromJsonAsync<JsonElement>($"api/engagements/{engagementId}/slas?includeRetired=true")).GetProperty("items").EnumerateArray());
        using (var measured = await api.PostAsJsonAsync($"api/slas/{slaId}/measurements", new { period = SlaKit.Today.AddDays(-1).ToString("yyyy-MM-dd"), value = 90 }))
        {
            await Problems.AssertProblemAsync(measured, HttpStatusCode.BadRequest, "slaId");
        }

        using (var changeRetired = await api.PutAsJsonAsync($"api/slas/{slaId}", change))
        {
            await Problems.AssertProblemAsync(changeRetired, HttpStatusCode.Conflict);
        }

        foreach (var (type, version) in new[] { ("SlaDefined", 1), ("SlaChanged", 2), ("SlaRetired", 3) })
        {
            var rows = await Eventually.WaitAsync(
                async () => await SlaKit.OutboxAsync(tenant.TenantId, type) is { Count: 1 } r && r[0].SentAt is not null ? r : null,
                TimeSpan.FromSeconds(20),
                $"{type} to be published");
            var sla = rows[0].Payload.GetProperty("sla");
            Assert.Equal(slaId, sla.GetProperty("id").GetGuid());
            Assert.Equal(version, sla.GetProperty("version").GetInt32());
            Assert.Equal(engagementId, sla.GetProperty("engagementId").GetGuid());
        }
    }

    [Fact]
    public async Task Bad_definitions_name_each_field_unknown_engagements_answer_404_and_terminated_ones_take_no_SLA()
    {
        var tenant = await system.NewTenantAsync();
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), SlaKit.Today.AddDays(-30)));
        using var api = system.Sla(tenant.AccessToken);

        using (var empty = await api.PostAsJsonAsync($"api/engagements/{engagementId}/slas", new { }))
        {
            await Problems.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "metric", "unit", "target", "direction", "period");
        }

        using (var bad = await api.PostAsJsonAsync($"api/engagements/{engagementId}/slas",
                   new { metric = "Uptime", unit = "%", target = 99, direction = "sideways", period = "hourly", weight = 0, serviceCreditPercent = 150 }))
        {
            await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "direction", "period", "weight", "serviceCreditPercent");
        }

        using (var nan = await api.PostRawAsync($"api/engagements/{engagementId}/slas",
                   """{"metric":"Uptime","unit":"%","target":"NaN","direction":"at-least","period":"daily"}""", "application/json"))
        {
            await Problems.AssertProblemAsync(nan, HttpStatusCode.BadRequest, "target");
        }

        using (var unknown = await api.PostAsJsonAsync($"api/engagements/{Guid.NewGuid()}/slas",
                   new { metric = "Uptime", unit = "%", target = 99, direction = "at-least", period = "daily" }))
        {
            await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        Assert.Equal(0, await SlaKit.CountAsync(tenant.TenantId, "SELECT count(*) FROM slas"));

        var terminated = SlaKit.Engagement(engagementId, SlaKit.Today.AddDays(-30), status: "terminated", terminatedOn: SlaKit.Today.AddDays(-1), version: 2);
        await system.KnowEngagementAsync(tenant, terminated, "EngagementTerminated");
        using (var refused = await api.PostAsJsonAsync($"api/engagements/{engagementId}/slas",
                   new { metric = "Uptime", unit = "%", target = 99, direction = "at-least", period = "daily" }))
        {
            await Problems.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "engagementId");
        }
    }
}
