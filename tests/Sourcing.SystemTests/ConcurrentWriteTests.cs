using System.Net;
using System.Net.Http.Json;
using Sourcing.SystemTests.Risk;
using Sourcing.SystemTests.Sla;

namespace Sourcing.SystemTests;

/// <summary>
/// Writes to the same row at the same moment: one wins, the others get 409 (or 412 where the endpoint
/// checks versions itself), and none a 500: a lost race rolls its transaction back and says so.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ConcurrentWriteTests(SystemFixture system)
{
    private const int AtOnce = 12;

    // Found by MalformedRequestSweepTests, whose eight requests at a time raced: a concurrency-token
    // failure (tenant settings) or a duplicate key (SLA versions, country overrides) was a 500.
    [Fact]
    public async Task Concurrent_changes_of_the_tenant_settings_an_SLA_and_a_country_override_are_200_or_409_never_500()
    {
        var tenant = await system.NewTenantAsync("Racing Ltd");
        using var tenants = system.Api(tenant.AccessToken);
        using var sla = system.Sla(tenant.AccessToken);
        using var risk = RiskApi.Client(tenant.AccessToken);
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), SlaKit.Today.AddMonths(-3)));
        var slaId = await sla.DefineAsync(engagementId);
        await RiskApi.WaitForTenantAsync(risk);

        var statuses = new List<(string What, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < 3; round++)
        {
            statuses.AddRange(await AtOnceAsync("settings", i => tenants.PutAsJsonAsync("api/tenant/settings", Settings.Valid(name: $"Racing {round}-{i} Ltd"))));
            statuses.AddRange(await AtOnceAsync("SLA", i => sla.PutAsJsonAsync(
                $"api/slas/{slaId}", new { metric = $"Availability {round}-{i}", unit = "%", target = 99.5m, direction = "at-least", period = "daily" })));
            var country = new[] { "FR", "DE", "IT" }[round];
            statuses.AddRange(await AtOnceAsync("override", i => risk.PutAsJsonAsync($"api/risk/countries/{country}/override", new { politicalStability = 10 + i })));
        }

        var wrong = statuses.Where(s => s.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Select(s => $"{s.What}: {(int)s.Status} {s.Body}")));
        foreach (var what in new[] { "settings", "SLA", "override" })
        {
            Assert.Contains(statuses, s => s.What == what && s.Status == HttpStatusCode.OK);
        }

        var conflict = statuses.FirstOrDefault(s => s.Status == HttpStatusCode.Conflict);
        if (conflict.Body is not null)
        {
            Assert.Contains("application/problem+json", conflict.Body, StringComparison.Ordinal);
        }
    }

    private static async Task<List<(string What, HttpStatusCode Status, string Body)>> AtOnceAsync(string what, Func<int, Task<HttpResponseMessage>> send)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(send));
        var results = new List<(string, HttpStatusCode, string)>();
        foreach (var response in responses)
        {
            using (response)
            {
                var body = response.StatusCode == HttpStatusCode.OK ? "" : $"{response.Content.Headers.ContentType?.MediaType} {await response.Content.ReadAsStringAsync()}";
                results.Add((what, response.StatusCode, body));
            }
        }

        return results;
    }
}
