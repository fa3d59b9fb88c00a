using Npgsql;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests;

/// <summary>
/// What a GET's one-round-trip read relies on (TenantReadInterceptor): the tenant set with
/// set_config(..., true) in the same batch as the query holds for that query and ends with the batch,
/// so the next user of the same pooled connection, which is not reset between uses, sees no tenant.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TenantReadBatchTests(SystemFixture system)
{
    [Fact]
    public async Task A_tenant_set_in_a_read_batch_scopes_its_query_and_does_not_outlive_the_batch()
    {
        using var a = await NewTenantAsync(system);
        await CreateIdAsync(a.Api, "api/providers", Provider());

        // One connection, reused as the services reuse theirs (no reset on close).
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.ConnectionString("sourcing_engagements", "sourcing_app"))
        {
            MaxPoolSize = 1,
            NoResetOnClose = true,
            ApplicationName = "tenant-read-batch-test",
        };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);

        await using (var batch = source.CreateCommand(
            "SELECT set_config('app.tenant_id', @tenant, true);\nSELECT count(*) FROM providers"))
        {
            batch.Parameters.AddWithValue("tenant", a.Tenant.TenantId.ToString());
            await using var reader = await batch.ExecuteReaderAsync();
            Assert.True(await reader.NextResultAsync());
            Assert.True(await reader.ReadAsync());
            Assert.Equal(1L, reader.GetInt64(0));
        }

        await using var after = source.CreateCommand(
            "SELECT coalesce(current_setting('app.tenant_id', true), ''), (SELECT count(*) FROM providers), pg_backend_pid()");
        await using (var reader = await after.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("", reader.GetString(0));
            Assert.Equal(0L, reader.GetInt64(1));
        }
    }
}
