using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.SystemTests.Engagements;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>
/// The tenant-wide audit trail (GET /api/audit on the tenants service): every service's changes,
/// with who made them, newest first, filterable, and never another tenant's.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuditTrailTests(SystemFixture system)
{
    [Fact]
    public async Task Changes_in_tenants_and_engagements_appear_in_one_trail_with_who_made_them()
    {
        using var a = await EngagementsKit.NewTenantAsync(system);
        using var tenants = system.Api(a.Tenant.AccessToken);
        using var put = await tenants.PutAsJsonAsync("api/tenant/settings", Settings.Valid(name: "Audited Co", quality: 0.5m, dependency: 0.25m, geopolitical: 0.25m));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var providerId = await EngagementsKit.CreateIdAsync(a.Api, "api/providers", EngagementsKit.Provider(legalName: "Audit Trail BPO Inc"));

        var entries = await Eventually.WaitAsync(
            async () =>
            {
                var page = await GetAsync(tenants, "api/audit?pageSize=100");
                var items = page.GetProperty("items").EnumerateArray().ToList();
                return items.Any(i => i.GetProperty("service").GetString() == "engagements") && items.Any(i => i.GetProperty("service").GetString() == "tenants")
                    ? items
                    : null;
            },
            TimeSpan.FromSeconds(30),
            "the settings change and the new provider in the audit trail");

        var settings = entries.Single(i => i.GetProperty("subjectType").GetString() == "settings");
        Assert.Equal("changed", settings.GetProperty("action").GetString());
        Assert.Equal("Audited Co", settings.GetProperty("subjectName").GetString());
        Assert.Equal(a.Tenant.AdminUserId.ToString(), settings.GetProperty("actorId").GetString());
        var fields = settings.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("riskWeights", fields);
        Assert.DoesNotContain("version", fields);
        var weights = settings.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "riskWeights");
        Assert.Contains("0.5", weights.GetProperty("newValue").GetString(), StringComparison.Ordinal);

        var provider = entries.Single(i => i.GetProperty("subjectId").GetString() == providerId.ToString());
        Assert.Equal("provider", provider.GetProperty("subjectType").GetString());
        Assert.Equal("created", provider.GetProperty("action").GetString());
        Assert.Equal("Audit Trail BPO Inc", provider.GetProperty("subjectName").GetString());
        Assert.Equal(a.Tenant.AdminUserId.ToString(), provider.GetProperty("actorId").GetString());

        // Newest first, and the service filter narrows the list.
        var times = entries.Select(i => i.GetProperty("changedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var onlyEngagements = await GetAsync(tenants, "api/audit?service=engagements");
        Assert.All(onlyEngagements.GetProperty("items").EnumerateArray(), i => Assert.Equal("engagements", i.GetProperty("service").GetString()));
        Assert.Equal(1, onlyEngagements.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_unknown_service_filter_or_a_backwards_time_range_is_refused_naming_the_parameter()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);
        using var unknown = await api.GetAsync("api/audit?service=billing");
        await Problems.AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "service");
        using var backwards = await api.GetAsync("api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        await Problems.AssertProblemAsync(backwards, HttpStatusCode.BadRequest, "from");
    }

    [Fact]
    public async Task A_tenant_never_sees_another_tenants_audit_entries_in_the_api_or_the_database()
    {
        using var a = await EngagementsKit.NewTenantAsync(system);
        await EngagementsKit.CreateIdAsync(a.Api, "api/providers", EngagementsKit.Provider(legalName: "Only For A Ltd"));
        using var tenantsA = system.Api(a.Tenant.AccessToken);
        await Eventually.WaitAsync(
            async () => (await GetAsync(tenantsA, "api/audit")).GetProperty("totalCount").GetInt32() > 0,
            TimeSpan.FromSeconds(30),
            "tenant A's audit entry");

        var b = await system.NewTenantAsync("Other Co");
        using var tenantsB = system.Api(b.AccessToken);
        var seenByB = await GetAsync(tenantsB, "api/audit?pageSize=500");
        Assert.DoesNotContain(seenByB.GetProperty("items").EnumerateArray(), i => i.GetProperty("subjectName").GetString() == "Only For A Ltd");

        const string sql = "SELECT count(*) FROM audit_records WHERE tenant_id = @a";
        Assert.True(await SystemFixture.CountAsTenantAsync("sourcing_tenants", a.TenantId, sql, ("a", a.TenantId)) > 0);
        Assert.Equal(0, await SystemFixture.CountAsTenantAsync("sourcing_tenants", b.TenantId, sql, ("a", a.TenantId)));
        Assert.Equal(0, await SystemFixture.CountAsTenantAsync("sourcing_tenants", null, sql, ("a", a.TenantId)));
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
