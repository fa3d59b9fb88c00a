using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Sla;

/// <summary>
/// Every SLA endpoint, both ways: tenant B (a member's token, and an API client with sla:write) on
/// tenant A's ids answers 404 and changes nothing; the same requests on B's own ids work; lists
/// show only B's rows. Then the database half, as the run-time role.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SlaIsolationTests(SystemFixture system)
{
    private static readonly string[] TenantTables = ["engagements", "slas", "sla_versions", "measurements"];
    private static readonly DateOnly June = new(2026, 6, 1);

    private sealed record Side(SignedUpTenant Tenant, Guid Engagement, Guid Sla, HttpClient Member, HttpClient Client);

    private async Task<Side> Populate()
    {
        var tenant = await system.NewTenantAsync();
        var engagement = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), new DateOnly(2026, 1, 1)));
        var member = system.Sla(tenant.AccessToken);
        var sla = await member.DefineAsync(engagement);
        using (var seeded = await member.PostCsvAsync(engagement, SlaKit.Csv((sla, June, 99m), (sla, June.AddDays(1), 99.9m))))
        {
            Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        }

        return new Side(tenant, engagement, sla, member, system.Sla(await system.ClientTokenAsync(tenant, "sla:write", "sla:read")));
    }

    [Fact]
    public async Task Tenant_B_cannot_see_or_touch_tenant_A_s_SLAs_through_any_endpoint_but_can_use_its_own()
    {
        var a = await Populate();
        var b = await Populate();
        var definition = new { metric = "Stolen", unit = "%", target = 1, direction = "at-most", period = "daily" };
        var aMeasurements = await SlaKit.MeasurementsAsync(a.Tenant.TenantId);

        foreach (var api in new[] { b.Member, b.Client })
        {
            // Reads of A's ids.
            foreach (var url in new[]
                     {
                         $"api/engagements/{a.Engagement}", $"api/engagements/{a.Engagement}/slas", $"api/slas/{a.Sla}", $"api/slas/{a.Sla}/versions",
                         $"api/slas/{a.Sla}/measurements", $"api/engagements/{a.Engagement}/breaches", $"api/engagements/{a.Engagement}/sla-report",
                         $"api/slas/{a.Sla}/report",
                     })
            {
                using var foreign = await api.GetAsync(url);
                Assert.True(foreign.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)foreign.StatusCode}");
                using var own = await api.GetAsync(url.Replace(a.Engagement.ToString(), b.Engagement.ToString()).Replace(a.Sla.ToString(), b.Sla.ToString()));
                Assert.True(own.StatusCode == HttpStatusCode.OK, $"own {url}: {(int)own.StatusCode}");
            }

            // Writes to A's ids: 404, nothing written.
            using (var r = await api.PostAsJsonAsync($"api/engagements/{a.Engagement}/slas", definition))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }

            using (var r = await api.PutAsJsonAsync($"api/slas/{a.Sla}", definition))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }

            using (var r = await api.PostAsJsonAsync($"api/slas/{a.Sla}/measurements", new { period = "2026-06-01", value = 1 }))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }

            using (var r = await api.PostCsvAsync(a.Engagement, SlaKit.Csv((a.Sla, June, 1m))))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }

            using (var r = await api.PostRowsAsync(a.Engagement, new[] { new { slaId = a.Sla, period = "2026-06-01", value = 1 } }))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }

            // A's SLA ids sent to B's own engagement are not B's SLAs: refused by row, nothing written.
            using (var r = await api.PostCsvAsync(b.Engagement, SlaKit.Csv((b.Sla, June.AddDays(5), 99m), (a.Sla, June, 1m))))
            {
                await Problems.AssertProblemAsync(r, HttpStatusCode.BadRequest, "line 3, column slaId");
            }

            using (var r = await api.PostAsync($"api/slas/{a.Sla}/retire", null))
            {
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }
        }

        // A is untouched.
        var aSla = await a.Member.GetFromJsonAsync<JsonElement>($"api/slas/{a.Sla}");
        Assert.Equal((1, "active", "Availability"), (aSla.GetProperty("version").GetInt32(), aSla.GetProperty("status").GetString(), aSla.GetProperty("metric").GetString()));
        Assert.Equal(aMeasurements, await SlaKit.MeasurementsAsync(a.Tenant.TenantId));
        Assert.Equal(99m, (await a.Member.GetFromJsonAsync<JsonElement>($"api/slas/{a.Sla}/measurements")).GetProperty("items").EnumerateArray().Last().GetProperty("value").GetDecimal());
        Assert.Equal(2, await SlaKit.MeasurementsAsync(b.Tenant.TenantId));

        // Lists show only B's rows; B's own writes work.
        var breaches = await b.Client.GetFromJsonAsync<JsonElement>("api/breaches");
        Assert.All(breaches.GetProperty("items").EnumerateArray(), x => Assert.Equal(b.Engagement, x.GetProperty("engagementId").GetGuid()));
        Assert.Single(breaches.GetProperty("items").EnumerateArray());
        var slas = await b.Member.GetFromJsonAsync<JsonElement>($"api/engagements/{b.Engagement}/slas");
        Assert.Equal([b.Sla], slas.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        using (var r = await b.Client.PostAsJsonAsync($"api/slas/{b.Sla}/measurements", new { period = "2026-06-10", value = 99.9 }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await b.Member.PutAsJsonAsync($"api/slas/{b.Sla}", new { metric = "Availability", unit = "%", target = 99m, direction = "at-least", period = "daily" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await b.Member.PostAsync($"api/slas/{b.Sla}/retire", null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        // The database half, as the run-time role: B's setting shows none of A's rows; no setting shows none at all.
        foreach (var table in TenantTables)
        {
            Assert.Equal(0L, await CountAsync(b.Tenant.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id = @x", a.Tenant.TenantId));
            Assert.True(await CountAsync(b.Tenant.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id = @x", b.Tenant.TenantId) > 0);
            Assert.Equal(0L, await CountAsync(null, $"SELECT count(*) FROM {table} WHERE tenant_id <> @x", Guid.Empty));
        }

        foreach (var side in new[] { a, b })
        {
            side.Member.Dispose();
            side.Client.Dispose();
        }
    }

    private static Task<long> CountAsync(Guid? tenantId, string sql, Guid parameter) =>
        SystemFixture.CountAsTenantAsync("sourcing_sla", tenantId, sql, ("x", parameter));
}
