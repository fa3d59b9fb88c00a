using Npgsql;
using Sourcing.Risk.Recompute;

namespace Sourcing.SystemTests.Risk;

/// <summary>
/// The quality score's window figures have one implementation, the recompute's SQL: run here against
/// the test PostgreSQL as the run-time role (row-level security on) with hand-computed cases.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SlaWindowQueryTests
{
    private static readonly DateOnly Evaluation = new(2026, 6, 30);

    [Fact]
    public async Task The_window_trend_spans_and_published_shortfalls_are_counted_as_computed_by_hand()
    {
        var tenantId = Guid.NewGuid();
        var otherTenant = Guid.NewGuid();
        var daily = Guid.NewGuid();
        var weekly = Guid.NewGuid();
        await using var connection = await SystemFixture.OpenAsync("sourcing_risk");
        await using var transaction = await connection.BeginTransactionAsync();

        // Another tenant's miss of the same SLA id: row-level security and the tenant filter leave it out.
        await SetTenantAsync(connection, otherTenant);
        await InsertAsync(connection, otherTenant, daily, Evaluation.AddDays(-1), Evaluation.AddDays(-1), 0, 100, false, 1);

        await SetTenantAsync(connection, tenantId);
        // Daily SLA, days before the evaluation date:
        await InsertAsync(connection, tenantId, daily, Evaluation.AddDays(-90), Evaluation.AddDays(-90), 0, 100, false, 1); // ends exactly 90 days before: outside
        await InsertAsync(connection, tenantId, daily, Evaluation.AddDays(-89), Evaluation.AddDays(-89), 100, 100, true, 0); // earlier span, met
        // Earlier span (ends exactly 30 days before), missed; published shortfall 0.25 although |100 - 70| / 100 is 0.3:
        // the query sums what the SLA service published and computes no shortfall of its own.
        await InsertAsync(connection, tenantId, daily, Evaluation.AddDays(-30), Evaluation.AddDays(-30), 70, 100, false, 0.25m);
        await InsertAsync(connection, tenantId, daily, Evaluation.AddDays(-29), Evaluation.AddDays(-29), 50, 100, false, 0.5m); // recent span, missed
        await InsertAsync(connection, tenantId, daily, Evaluation, Evaluation, 100, 100, true, 0); // recent, met, the latest
        await InsertAsync(connection, tenantId, daily, Evaluation.AddDays(1), Evaluation.AddDays(1), 0, 100, false, 1); // after the evaluation date: outside
        // Weekly SLA: the week of 22 June, missed against a zero target (shortfall 1).
        await InsertAsync(connection, tenantId, weekly, new DateOnly(2026, 6, 22), new DateOnly(2026, 6, 28), 3, 0, false, 1);

        var figures = await SlaWindowQuery.LoadAsync(connection, transaction, tenantId, Evaluation, 90, CancellationToken.None);
        await transaction.RollbackAsync();

        Assert.Equal(2, figures.Count);
        var d = figures[daily];
        Assert.Equal((4, 2, 0.75), (d.Stats.Measured, d.Stats.Missed, d.Stats.ShortfallSum));
        Assert.Equal((2, 1, 2, 1), (d.Stats.Last30Measured, d.Stats.Last30Missed, d.Stats.Previous60Measured, d.Stats.Previous60Missed));
        Assert.Equal(Evaluation, d.Stats.LatestPeriodEnd);
        Assert.True(d.LatestMet);
        var w = figures[weekly];
        Assert.Equal((1, 1, 1.0, 1, 1, 0, 0), (w.Stats.Measured, w.Stats.Missed, w.Stats.ShortfallSum, w.Stats.Last30Measured, w.Stats.Last30Missed, w.Stats.Previous60Measured, w.Stats.Previous60Missed));
        Assert.Equal(new DateOnly(2026, 6, 28), w.Stats.LatestPeriodEnd);
        Assert.False(w.LatestMet);
    }

    [Fact]
    public async Task A_tenants_longer_window_counts_older_periods_while_the_trend_still_compares_30_days_with_the_60_before()
    {
        var tenantId = Guid.NewGuid();
        var sla = Guid.NewGuid();
        await using var connection = await SystemFixture.OpenAsync("sourcing_risk");
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, tenantId);
        await InsertAsync(connection, tenantId, sla, Evaluation.AddDays(-100), Evaluation.AddDays(-100), 50, 100, false, 0.5m); // in a 180-day window, before the trend's 90 days
        await InsertAsync(connection, tenantId, sla, Evaluation.AddDays(-50), Evaluation.AddDays(-50), 100, 100, true, 0); // earlier trend span
        await InsertAsync(connection, tenantId, sla, Evaluation.AddDays(-1), Evaluation.AddDays(-1), 50, 100, false, 0.5m); // recent span

        var wide = (await SlaWindowQuery.LoadAsync(connection, transaction, tenantId, Evaluation, 180, CancellationToken.None))[sla].Stats;
        var narrow = (await SlaWindowQuery.LoadAsync(connection, transaction, tenantId, Evaluation, 90, CancellationToken.None))[sla].Stats;
        await transaction.RollbackAsync();

        Assert.Equal((3, 2, 1.0), (wide.Measured, wide.Missed, wide.ShortfallSum));
        Assert.Equal((1, 1, 1, 0), (wide.Last30Measured, wide.Last30Missed, wide.Previous60Measured, wide.Previous60Missed));
        Assert.Equal((2, 1, 0.5), (narrow.Measured, narrow.Missed, narrow.ShortfallSum));
        Assert.Equal((1, 1, 1, 0), (narrow.Last30Measured, narrow.Last30Missed, narrow.Previous60Measured, narrow.Previous60Missed));
    }

    private static async Task SetTenantAsync(NpgsqlConnection connection, Guid tenantId)
    {
        await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, true)", connection);
        set.Parameters.AddWithValue("tenant", tenantId.ToString());
        await set.ExecuteScalarAsync();
    }

    private static async Task InsertAsync(
        NpgsqlConnection connection, Guid tenantId, Guid slaId, DateOnly start, DateOnly end, decimal value, decimal target, bool met, decimal shortfall)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO sla_results (tenant_id, sla_id, period_start, period_end, engagement_id, value, target, met, relative_shortfall)
            VALUES (@tenant, @sla, @start, @end, @engagement, @value, @target, @met, @shortfall)
            """,
            connection);
        insert.Parameters.AddWithValue("tenant", tenantId);
        insert.Parameters.AddWithValue("sla", slaId);
        insert.Parameters.AddWithValue("start", start);
        insert.Parameters.AddWithValue("end", end);
        insert.Parameters.AddWithValue("engagement", Guid.Empty);
        insert.Parameters.AddWithValue("value", value);
        insert.Parameters.AddWithValue("target", target);
        insert.Parameters.AddWithValue("met", met);
        insert.Parameters.AddWithValue("shortfall", shortfall);
        await insert.ExecuteNonQueryAsync();
    }
}
