using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests;

/// <summary>
/// A service whose read model is lost catches up: the owner republishes its current state
/// (POST /api/admin/resync, platform admins only) and the consumers rebuild their copies.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ResyncTests(SystemFixture system)
{
    [Fact]
    public async Task A_lost_risk_read_model_comes_back_after_the_engagements_resync_which_only_a_platform_admin_may_call()
    {
        using var t = await NewTenantAsync(system);
        var tenantId = t.Tenant.TenantId;
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var engagementId = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId));
        using var risk = Risk.RiskApi.Client(t.Tenant.AccessToken);
        await Risk.RiskApi.WaitForScoresAsync(risk, engagementId, s => Risk.RiskApi.Number(s, "geopolitical") is not null, "the first scores");

        // The risk service loses the tenant's read model (and the scores computed from it).
        await using (var connection = await SystemFixture.OpenAsync("sourcing_risk", "sourcing_owner"))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand(
                """
                SELECT set_config('app.tenant_id', @tenant, true);
                DELETE FROM score_history; DELETE FROM engagement_scores; DELETE FROM alerts;
                DELETE FROM sla_results; DELETE FROM slas; DELETE FROM engagements; DELETE FROM providers; DELETE FROM captive_centres;
                """,
                connection, transaction);
            command.Parameters.AddWithValue("tenant", tenantId.ToString());
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(0L, await SystemFixture.CountAsTenantAsync("sourcing_risk", tenantId, "SELECT count(*) FROM engagements"));
        Assert.Null(await Risk.RiskApi.ScoresAsync(risk, engagementId));

        var resync = $"api/admin/resync?tenantId={tenantId}";
        using (var anonymous = SourcingClient.Api(Url(system), null))
        using (var response = await anonymous.PostAsync(resync, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var response = await t.Api.PostAsync(resync, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var key = TokenForge.DevelopmentSigningKey(system.KeysDirectory);
        var token = TokenForge.Create(key, system.Identity, "engagements", tenantId, "platform-admin", DateTime.UtcNow.AddMinutes(10));
        using var operatorApi = ApiWithToken(system, token);
        using (var response = await operatorApi.PostAsync(resync, null))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, body.GetProperty("tenants").GetInt32());
            var events = body.GetProperty("events");
            Assert.Equal(1, events.GetProperty("ProviderChanged").GetInt32());
            Assert.Equal(1, events.GetProperty("EngagementChanged").GetInt32());
            Assert.Equal(0, events.GetProperty("CaptiveCentreChanged").GetInt32());
        }

        await Risk.RiskApi.WaitForScoresAsync(risk, engagementId, s => Risk.RiskApi.Number(s, "geopolitical") is not null, "the scores rebuilt from the republished state");
        Assert.Equal(1L, await SystemFixture.CountAsTenantAsync("sourcing_risk", tenantId, "SELECT count(*) FROM engagements"));
        Assert.Equal(1L, await SystemFixture.CountAsTenantAsync("sourcing_risk", tenantId, "SELECT count(*) FROM providers"));

        // A second resync changes nothing the consumers hold (same versions) and fails nothing.
        using (var again = await operatorApi.PostAsync(resync, null))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        Assert.Equal(1L, await SystemFixture.CountAsTenantAsync("sourcing_risk", tenantId, "SELECT count(*) FROM engagements"));
    }

    [Fact]
    public async Task The_tenants_and_sla_resyncs_rebuild_the_risk_services_copies_of_the_settings_and_the_slas()
    {
        using var t = await NewTenantAsync(system);
        var tenantId = t.Tenant.TenantId;
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var engagementId = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId));
        using var sla = SourcingClient.Api(system.Service("Sla").Url, t.Tenant.AccessToken);
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await sla.PostAsJsonAsync(
                    $"api/engagements/{engagementId}/slas",
                    new { metric = "Availability", unit = "%", target = 99.5m, direction = "at-least", period = "daily", weight = 1m, serviceCreditPercent = 10m });
                return response.StatusCode == HttpStatusCode.Created;
            },
            Risk.RiskApi.Wait,
            "the SLA service to know the engagement");
        await Eventually.WaitAsync(async () => await CountInRiskAsync(tenantId, "slas") == 1 && await CountInRiskAsync(tenantId, "tenants") == 1, Risk.RiskApi.Wait, "the risk service to copy the SLA");

        await using (var connection = await SystemFixture.OpenAsync("sourcing_risk", "sourcing_owner"))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT set_config('app.tenant_id', @tenant, true); DELETE FROM sla_results; DELETE FROM slas; DELETE FROM tenants;",
                connection, transaction);
            command.Parameters.AddWithValue("tenant", tenantId.ToString());
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(0L, await CountInRiskAsync(tenantId, "slas"));
        Assert.Equal(0L, await CountInRiskAsync(tenantId, "tenants"));

        var key = TokenForge.DevelopmentSigningKey(system.KeysDirectory);
        foreach (var (service, audience, eventType) in new[] { ("Tenants", "tenants", "TenantSettingsChanged"), ("Sla", "sla", "SlaChanged") })
        {
            var resync = $"api/admin/resync?tenantId={tenantId}";
            using (var admin = SourcingClient.Api(system.Service(service).Url, t.Tenant.AccessToken))
            using (var refused = await admin.PostAsync(resync, null))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            using var operatorApi = SourcingClient.Api(system.Service(service).Url, TokenForge.Create(key, system.Identity, audience, tenantId, "platform-admin", DateTime.UtcNow.AddMinutes(10)));
            using var response = await operatorApi.PostAsync(resync, null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, body.GetProperty("events").GetProperty(eventType).GetInt32());
        }

        await Eventually.WaitAsync(async () => await CountInRiskAsync(tenantId, "slas") == 1 && await CountInRiskAsync(tenantId, "tenants") == 1, Risk.RiskApi.Wait, "the settings and the SLA copied again");
    }

    private static Task<long> CountInRiskAsync(Guid tenantId, string table) =>
        SystemFixture.CountAsTenantAsync("sourcing_risk", tenantId, $"SELECT count(*) FROM {table}");
}
