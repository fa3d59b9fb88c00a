using System.Net;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>The transactional outbox and the consumers' inbox, against a broker that goes away.</summary>
[Collection(SystemCollection.Name)]
public sealed class OutboxTests(SystemFixture system)
{
    [Fact]
    public async Task With_RabbitMQ_down_sign_up_succeeds_and_the_tenant_is_created_once_when_it_returns()
    {
        var email = SystemFixture.UniqueEmail("outage");
        await SystemFixture.RabbitAsync("stop");
        SignUpResponse created;
        try
        {
            using var response = await system.Client.PostSignUpAsync(new
            {
                companyName = "Outage Survivors Ltd",
                hqCountry = "IE",
                reportingCurrency = "EUR",
                timeZone = "Europe/Dublin",
                adminName = "Orla Outage",
                adminEmail = email,
                adminPassword = SystemFixture.StrongPassword,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<SignUpResponse>(response.Content, SourcingClient.Json))!;

            // While the broker is down the event waits in the identity service's outbox.
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(0L, await TenantRows(created.TenantId));
        }
        finally
        {
            await SystemFixture.RabbitAsync("start");
        }

        await Eventually.WaitAsync(async () => await TenantRows(created.TenantId) == 1, TimeSpan.FromSeconds(60), "the tenant after the broker returned");

        // Consumed exactly once: one tenant, one admin member, one TenantRegistered.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1L, await TenantRows(created.TenantId));
        Assert.Equal(1L, await Count("SELECT count(*) FROM members WHERE tenant_id = @t", created.TenantId));
        Assert.Equal(1L, await Count(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantRegistered'", created.TenantId));
        Assert.Equal(1L, await Count("SELECT count(*) FROM inbox_messages WHERE tenant_id = @t", created.TenantId));

        // And the company can work.
        var tokens = await system.Client.Oidc.LoginAsync(email, SystemFixture.StrongPassword);
        using var api = system.Api(tokens.AccessToken);
        using var tenant = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.OK, tenant.StatusCode);
    }

    [Fact]
    public async Task A_message_delivered_twice_changes_nothing_the_second_time()
    {
        var tenant = await system.NewTenantAsync();
        var before = await Count("SELECT count(*) FROM inbox_messages WHERE tenant_id = @t", tenant.TenantId);

        // Publish the sign-up's UserRegistered again, same event id, through the real broker.
        var republished = await SystemFixture.ScalarAsync<int>(
            "sourcing_identity",
            "WITH r AS (UPDATE outbox_messages SET sent_at = NULL WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.UserRegistered' RETURNING 1) SELECT count(*)::int FROM r",
            ("t", tenant.TenantId));
        Assert.Equal(1, republished);
        await Eventually.WaitAsync(
            async () => await SystemFixture.ScalarAsync<long>(
                "sourcing_identity",
                "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND sent_at IS NULL",
                ("t", tenant.TenantId)) == 0,
            TimeSpan.FromSeconds(20),
            "the event to be published a second time");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(before, await Count("SELECT count(*) FROM inbox_messages WHERE tenant_id = @t", tenant.TenantId));
        Assert.Equal(1L, await TenantRows(tenant.TenantId));
        Assert.Equal(1L, await Count("SELECT count(*) FROM members WHERE tenant_id = @t", tenant.TenantId));
        Assert.Equal(1L, await Count(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantRegistered'", tenant.TenantId));
    }

    private static Task<long> TenantRows(Guid tenantId) => Count("SELECT count(*) FROM tenants WHERE tenant_id = @t", tenantId);

    /// <summary>As the run-time role with the tenant set, the same as the service reads it.</summary>
    private static Task<long> Count(string sql, Guid tenantId) =>
        SystemFixture.CountAsTenantAsync("sourcing_tenants", tenantId, sql, ("t", tenantId));
}
