using System.Net;
using Npgsql;
using Sourcing.Risk.Recompute;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>A change that arrives while the tenant's recompute runs is recorded at once, not after the run commits.</summary>
[Collection(SystemCollection.Name)]
public sealed class RecomputeDebounceTests(SystemFixture system)
{
    [Fact]
    public async Task A_change_during_a_running_recompute_marks_the_tenant_pending_without_waiting_for_the_run()
    {
        var tenant = await system.NewTenantAsync("Risk Pending Inc");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var (_, engagementId, _) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        var before = await WaitForScoresAsync(api, engagementId, s => Number(s, "geopolitical") is not null, "scores");
        await Eventually.WaitAsync(
            async () => await SystemFixture.CountAsTenantAsync("sourcing_risk", tenant.TenantId, "SELECT count(*) FROM pending_recomputes") == 0,
            Wait, "the seeding's recomputes to finish");

        // Hold the next recompute inside its transaction: its last write (tenant_recomputes) waits for this lock.
        await using var blocker = await SystemFixture.OpenAsync("sourcing_risk", "sourcing_owner");
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE tenant_recomputes IN EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync("api/risk/recompute", null)).StatusCode);
            await Eventually.WaitAsync(
                async () => await SystemFixture.ScalarAsync<long>(
                    "sourcing_risk",
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND c.relname = 'tenant_recomputes'") > 0
                    && await SystemFixture.CountAsTenantAsync("sourcing_risk", tenant.TenantId, "SELECT count(*) FROM pending_recomputes") == 0,
                Wait, "the recompute to clear the pending mark and reach its last write");

            // A change now marks the tenant pending as every change does; it must not wait for the running recompute.
            await using var connection = await SystemFixture.OpenAsync("sourcing_risk");
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true), set_config('lock_timeout', '3s', true)", connection, transaction))
            {
                set.Parameters.AddWithValue("t", tenant.TenantId.ToString());
                await set.ExecuteNonQueryAsync();
            }

            await using var mark = new NpgsqlCommand(RecomputeRequests.MarkPendingSql, connection, transaction);
            mark.Parameters.AddWithValue("tenant", tenant.TenantId);
            Assert.Equal(true, await mark.ExecuteScalarAsync());
            await transaction.RollbackAsync();
        }
        finally
        {
            await hold.CommitAsync();
        }

        await WaitForScoresAsync(
            api,
            engagementId,
            s => s.GetProperty("computedAt").GetDateTimeOffset() > before.GetProperty("computedAt").GetDateTimeOffset(),
            "the held recompute to complete");
    }
}
