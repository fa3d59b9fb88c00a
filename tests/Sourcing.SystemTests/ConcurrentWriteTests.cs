using System.Net;
using System.Net.Http.Json;
using Sourcing.SystemTests.Risk;
using Sourcing.SystemTests.Sla;
using Sourcing.Testing;

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
    public async Task Concurrent_changes_of_the_tenant_settings_an_SLA_and_a_country_override_are_200_or_409_never_500_and_a_409_is_no_error_in_the_log()
    {
        var tenant = await system.NewTenantAsync("Racing Ltd");
        using var tenants = system.Api(tenant.AccessToken);
        using var sla = system.Sla(tenant.AccessToken);
        using var risk = RiskApi.Client(tenant.AccessToken);
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), SlaKit.Today.AddMonths(-3)));
        var slaId = await sla.DefineAsync(engagementId);
        await RiskApi.WaitForTenantAsync(risk);

        var statuses = new List<Outcome>();
        for (var round = 0; round < 3; round++)
        {
            statuses.AddRange(await AtOnceAsync("settings", tenants, system.TenantsService, HttpMethod.Put, "api/tenant/settings", i => Settings.Valid(name: $"Racing {round}-{i} Ltd")));
            statuses.AddRange(await AtOnceAsync("SLA", sla, system.Service("Sla"), HttpMethod.Put, $"api/slas/{slaId}",
                i => new { metric = $"Availability {round}-{i}", unit = "%", target = 99.5m, direction = "at-least", period = "daily" }));
            var country = new[] { "FR", "DE", "IT" }[round];
            statuses.AddRange(await AtOnceAsync("override", risk, system.Service("Risk"), HttpMethod.Put, $"api/risk/countries/{country}/override", i => new { politicalStability = 10 + i }));
        }

        var wrong = statuses.Where(s => s.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Select(s => $"{s.What}: {(int)s.Status} {s.Body}")));
        foreach (var what in new[] { "settings", "SLA", "override" })
        {
            Assert.Contains(statuses, s => s.What == what && s.Status == HttpStatusCode.OK);
        }

        // A lost race is the client's to retry, not the service's fault: its 409 is no error in the service's log
        // (EF Core's own "saving changes failed" and "failed executing DbCommand" lines are warnings).
        var conflicts = statuses.Where(s => s.Status == HttpStatusCode.Conflict).ToList();
        Assert.Contains(conflicts, c => c.What is "SLA" or "override"); // a duplicate key lost, which EF Core logged as an error
        foreach (var conflict in conflicts)
        {
            Assert.Contains("application/problem+json", conflict.Body, StringComparison.Ordinal);
            var summary = await ServiceLog.SummaryLineAsync(conflict.Service.LogPath, conflict.TraceId);
            Assert.Equal(409, summary.GetProperty("StatusCode").GetInt32());
            var errors = (await ServiceLog.LinesAsync(conflict.Service.LogPath, conflict.TraceId)).Where(ServiceLog.IsError).ToList();
            Assert.True(errors.Count == 0, $"{conflict.What}'s 409 logged at error level: {string.Join(" | ", errors.Select(e => $"{ServiceLog.Source(e)}: {ServiceLog.Message(e).Split('\n')[0]}"))}");
        }
    }

    private sealed record Outcome(string What, HttpStatusCode Status, string Body, ServiceProcess Service, string TraceId);

    /// <summary>Sends <see cref="AtOnce"/> requests together, each in a trace of its own so that its log lines can be found.</summary>
    private static async Task<List<Outcome>> AtOnceAsync(
        string what, HttpClient client, ServiceProcess service, HttpMethod method, string path, Func<int, object> body)
    {
        var traces = Enumerable.Range(0, AtOnce).Select(_ => ServiceLog.NewTrace()).ToList();
        var requests = Enumerable.Range(0, AtOnce).Select(i =>
        {
            var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body(i)) };
            request.Headers.Add("traceparent", traces[i].Header);
            return request;
        }).ToList();
        var responses = await Task.WhenAll(requests.Select(r => client.SendAsync(r)));
        var results = new List<Outcome>();
        for (var i = 0; i < AtOnce; i++)
        {
            using var request = requests[i];
            using var response = responses[i];
            var text = response.StatusCode == HttpStatusCode.OK ? "" : $"{response.Content.Headers.ContentType?.MediaType} {await response.Content.ReadAsStringAsync()}";
            results.Add(new Outcome(what, response.StatusCode, text, service, traces[i].TraceId));
        }

        return results;
    }
}
