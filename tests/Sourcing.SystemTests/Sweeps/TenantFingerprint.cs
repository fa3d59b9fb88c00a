using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Sourcing.SystemTests.Sweeps;

/// <summary>
/// A tenant's row counts in every table that has a <c>tenant_id</c> column, in every service's
/// database, read as the run-time role with the tenant set (as <see cref="SystemFixture.CountAsTenantAsync"/>
/// does) and filtered by tenant_id too (the messaging tables have no row-level security). Keys are
/// "Service.table".
/// </summary>
public static class TenantFingerprint
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> TablesByDatabase = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyDictionary<string, long>> TakeAsync(Guid tenantId, IEnumerable<string> services)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var database = SystemFixture.DatabaseOf(service);
            var tables = await TablesAsync(database);
            await using var connection = await SystemFixture.OpenAsync(database);
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant_setting, true)", connection, transaction))
            {
                set.Parameters.AddWithValue("tenant_setting", tenantId.ToString());
                await set.ExecuteScalarAsync();
            }

            var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', count(*) FROM \"{t}\" WHERE tenant_id = @tenant"));
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("tenant", tenantId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[$"{service}.{reader.GetString(0)}"] = reader.GetInt64(1);
            }
        }

        return counts;
    }

    public static Task<IReadOnlyDictionary<string, long>> TakeAllAsync(Guid tenantId) => TakeAsync(tenantId, SystemFixture.ServiceNames);

    /// <summary>"Service.table: before → after" for every count that differs.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
    [
        .. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k)} → {after.GetValueOrDefault(k)}"),
    ];

    /// <summary>
    /// Waits until the tenant's counts in every database have stopped changing (events delivered,
    /// recomputes run) for <paramref name="quiet"/>, or <paramref name="timeout"/> has passed; returns the last counts.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> SettleAsync(Guid tenantId, TimeSpan quiet, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = await TakeAllAsync(tenantId);
        var stableSince = clock.Elapsed;
        while (clock.Elapsed - stableSince < quiet && clock.Elapsed < timeout)
        {
            await Task.Delay(300);
            var now = await TakeAllAsync(tenantId);
            if (Changes(last, now).Count > 0)
            {
                stableSince = clock.Elapsed;
                last = now;
            }
        }

        return last;
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(string database)
    {
        if (TablesByDatabase.TryGetValue(database, out var cached))
        {
            return cached;
        }

        await using var connection = await SystemFixture.OpenAsync(database, "sourcing_owner");
        await using var command = new NpgsqlCommand(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
            ORDER BY 1
            """,
            connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return TablesByDatabase[database] = tables;
    }
}
