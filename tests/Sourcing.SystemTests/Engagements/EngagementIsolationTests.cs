using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// Every endpoint of the engagements service, both ways: tenant B's token on A's ids answers 404
/// and changes nothing; the same request on B's own data works; lists, totals, findings and
/// exports show only B's rows. Then the database half.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementIsolationTests(SystemFixture system)
{
    private static readonly string[] TenantTables = ["tenants", "providers", "captive_centres", "engagements", "audit_entries", "policy_findings"];

    [Fact]
    public async Task Tenant_B_cannot_see_or_touch_tenant_A_through_any_endpoint_but_can_use_its_own()
    {
        using var a = await NewTenantAsync(system, "Alpha Corp");
        using var b = await NewTenantAsync(system, "Beta Corp", "GB", "GBP", "Europe/London");
        var pa = await Populate(a, "Alpha");
        var pb = await Populate(b, "Beta");

        // Settings copy: each sees its own.
        Assert.Equal("US", (await a.Api.GetFromJsonAsync<JsonElement>("api/engagement-settings")).GetProperty("hqCountry").GetString());
        Assert.Equal("GB", (await b.Api.GetFromJsonAsync<JsonElement>("api/engagement-settings")).GetProperty("hqCountry").GetString());

        // Reads of A's ids: 404; of B's own: 200.
        foreach (var (foreign, own) in new[]
                 {
                     ($"api/providers/{pa.ProviderId}", $"api/providers/{pb.ProviderId}"),
                     ($"api/providers/{pa.ProviderId}/audit", $"api/providers/{pb.ProviderId}/audit"),
                     ($"api/captive-centres/{pa.CentreId}", $"api/captive-centres/{pb.CentreId}"),
                     ($"api/captive-centres/{pa.CentreId}/audit", $"api/captive-centres/{pb.CentreId}/audit"),
                     ($"api/engagements/{pa.EngagementId}", $"api/engagements/{pb.EngagementId}"),
                     ($"api/engagements/{pa.EngagementId}/audit", $"api/engagements/{pb.EngagementId}/audit"),
                 })
        {
            using var f = await b.Api.GetAsync(foreign);
            Assert.True(f.StatusCode == HttpStatusCode.NotFound, $"GET {foreign} as B answered {(int)f.StatusCode}");
            using var o = await b.Api.GetAsync(own);
            Assert.True(o.StatusCode == HttpStatusCode.OK, $"GET {own} as B answered {(int)o.StatusCode}");
        }

        // Lists, totals and findings: only B's rows.
        var providers = await b.Api.GetFromJsonAsync<JsonElement>("api/providers");
        Assert.Equal([pb.ProviderId], Items(providers).Select(p => p.GetProperty("id").GetGuid()));
        var centres = await b.Api.GetFromJsonAsync<JsonElement>("api/captive-centres");
        Assert.Equal([pb.CentreId], Items(centres).Select(p => p.GetProperty("id").GetGuid()));
        var engagements = await b.Api.GetFromJsonAsync<JsonElement>("api/engagements");
        Assert.Equal([pb.EngagementId], Items(engagements).Select(p => p.GetProperty("id").GetGuid()));
        var totals = await b.Api.GetFromJsonAsync<JsonElement>("api/engagements/totals");
        Assert.Equal(1, totals.GetProperty("count").GetInt32());
        // The policy findings come from the risk service within seconds.
        var findings = (JsonElement)(await Eventually.WaitAsync(
            async () => await b.Api.GetFromJsonAsync<JsonElement>("api/findings") is { } page && Items(page).Any() ? new object[] { page } : null,
            TimeSpan.FromSeconds(30),
            "B's findings"))[0];
        Assert.All(Items(findings), f => Assert.Equal(pb.EngagementId, f.GetProperty("engagementId").GetGuid()));
        Assert.NotEmpty(Items(findings));
        using (var filtered = await b.Api.GetAsync($"api/engagements?providerId={pa.ProviderId}"))
        {
            Assert.Equal(0, (await filtered.JsonAsync()).GetProperty("totalCount").GetInt32());
        }

        // Writes on A's ids: 404, A unchanged; on B's own: 200.
        using (var f = await PutAsync(b.Api, $"api/providers/{pa.ProviderId}", Provider("Hijacked")))
        {
            Assert.Equal(HttpStatusCode.NotFound, f.StatusCode);
        }

        using (var f = await PutAsync(b.Api, $"api/captive-centres/{pa.CentreId}", CaptiveCentre("Hijacked")))
        {
            Assert.Equal(HttpStatusCode.NotFound, f.StatusCode);
        }

        using (var f = await PutAsync(b.Api, $"api/engagements/{pa.EngagementId}", Engagement(pb.ProviderId, name: "Hijacked")))
        {
            Assert.Equal(HttpStatusCode.NotFound, f.StatusCode);
        }

        using (var f = await b.Api.PostAsJsonAsync($"api/engagements/{pa.EngagementId}/terminate", new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, f.StatusCode);
        }

        using (var f = await b.Api.DeleteAsync($"api/providers/{pa.ProviderId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, f.StatusCode);
        }

        var (aProvider, aProviderTag) = await GetAsync(a.Api, $"api/providers/{pa.ProviderId}");
        Assert.Equal("Alpha Provider", aProvider.GetProperty("legalName").GetString());
        Assert.Equal("\"1\"", aProviderTag);
        var (aCentre, _) = await GetAsync(a.Api, $"api/captive-centres/{pa.CentreId}");
        Assert.Equal("Alpha Centre", aCentre.GetProperty("legalEntity").GetString());
        var (aEngagement, _) = await GetAsync(a.Api, $"api/engagements/{pa.EngagementId}");
        Assert.Equal("Alpha engagement", aEngagement.GetProperty("name").GetString());
        Assert.Equal("active", aEngagement.GetProperty("status").GetString());

        using (var o = await PutAsync(b.Api, $"api/providers/{pb.ProviderId}", Provider("Beta Provider Renamed")))
        {
            Assert.Equal(HttpStatusCode.OK, o.StatusCode);
        }

        using (var o = await PutAsync(b.Api, $"api/captive-centres/{pb.CentreId}", CaptiveCentre("Beta Centre Renamed")))
        {
            Assert.Equal(HttpStatusCode.OK, o.StatusCode);
        }

        using (var o = await PutAsync(b.Api, $"api/engagements/{pb.EngagementId}", Engagement(pb.ProviderId, name: "Beta renamed")))
        {
            Assert.Equal(HttpStatusCode.OK, o.StatusCode);
        }

        using (var o = await b.Api.PostAsJsonAsync($"api/engagements/{pb.EngagementId}/terminate", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, o.StatusCode);
        }

        using (var o = await b.Api.DeleteAsync($"api/providers/{pb.ProviderId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, o.StatusCode);
        }

        // A's events are A's only.
        Assert.All(await OutboxAsync(a.TenantId), r => Assert.Equal(a.TenantId, r.Payload.GetProperty("tenantId").GetGuid()));
        Assert.DoesNotContain(await OutboxAsync(a.TenantId), r => r.Type is "ProviderChanged" or "EngagementChanged" or "EngagementTerminated" or "ProviderDeleted");

        // The database half, as the run-time role.
        foreach (var table in TenantTables)
        {
            Assert.Equal(0L, await CountAsync(b.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id = @a", a.TenantId));
            Assert.True(await CountAsync(b.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id = @a", b.TenantId) > 0, table);
            Assert.Equal(0L, await CountAsync(null, $"SELECT count(*) FROM {table} WHERE tenant_id <> @a", Guid.Empty));
        }
    }

    [Fact]
    public async Task Every_table_with_a_tenant_id_has_forced_row_level_security()
    {
        await using var connection = await SystemFixture.OpenAsync(Database, "sourcing_owner");
        await using var tables = new NpgsqlCommand(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND c.relname NOT IN ('outbox_messages', 'inbox_messages', 'outgoing_emails')
            """,
            connection);
        var seen = new List<string>();
        await using var reader = await tables.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seen.Add(reader.GetString(0));
            Assert.True(reader.GetBoolean(1) && reader.GetBoolean(2), $"{reader.GetString(0)} lacks forced row-level security");
        }

        // The register tables' isolation through their endpoints is RegisterFactsTests'.
        string[] registers = ["register_settings", "register_entities", "register_branches", "register_provider_facts", "register_engagement_facts"];
        Assert.Equal(TenantTables.Append("import_jobs").Append("engagement_risk_scores").Concat(registers).Order(), seen.Order());
    }

    private static async Task<Populated> Populate(EngagementsTenant t, string prefix)
    {
        var provider = Provider($"{prefix} Provider", certified: false);
        var providerId = await CreateIdAsync(t.Api, "api/providers", provider);
        var centreId = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre($"{prefix} Centre"));
        var engagement = Engagement(providerId, name: $"{prefix} engagement");
        var engagementId = await CreateIdAsync(t.Api, "api/engagements", engagement);
        return new Populated(providerId, centreId, engagementId);
    }

    private static Task<long> CountAsync(Guid? tenant, string sql, Guid parameter) =>
        SystemFixture.CountAsTenantAsync(Database, tenant, sql, ("a", parameter));

    private sealed record Populated(Guid ProviderId, Guid CentreId, Guid EngagementId);
}
