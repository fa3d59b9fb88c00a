using System.Net;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>The consumers' inbox against a message delivered twice (a broker outage during sign-up: FaultTests).</summary>
[Collection(SystemCollection.Name)]
public sealed class OutboxTests(SystemFixture system)
{
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
