using Npgsql;
using NpgsqlTypes;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// The quality score's inputs for every SLA of one tenant, in one GROUP BY over the SLA results: the
/// trailing window holds the periods ending after the evaluation date minus the tenant's window
/// (<see cref="QualityScore.DefaultWindowDays"/> by default) and on or before it; the trend's recent
/// span the periods ending after the evaluation date minus <see cref="QualityScore.TrendRecentDays"/>,
/// the earlier span those ending in the <see cref="QualityScore.TrendDays"/> before that (so a longer
/// window does not stretch the trend). The missed periods' shortfall is summed as the SLA service
/// computed it (never recomputed here). This SQL is the one implementation, tested against
/// PostgreSQL with hand-computed cases.
/// </summary>
public static class SlaWindowQuery
{
    /// <summary>
    /// The day the latest period is counted from: the query packs the latest period's end and whether it
    /// was met into one integer, (days since this date) * 2 + met, whose maximum is the latest period
    /// with its outcome. A plain max lets PostgreSQL aggregate without sorting each SLA's periods, which
    /// (array_agg(met ORDER BY period_end DESC))[1] did: 175 ms against 92 ms for a tenant of 89,000 results.
    /// An SLA's periods never share an end (one period per start), so the maximum is never a tie.
    /// </summary>
    private static readonly DateOnly LatestEpoch = new(2000, 1, 1);

    public const string Sql = """
        SELECT sla_id,
               count(*)::int,
               count(*) FILTER (WHERE NOT met)::int,
               coalesce(sum(relative_shortfall) FILTER (WHERE NOT met), 0)::float8,
               count(*) FILTER (WHERE period_end > @recent)::int,
               count(*) FILTER (WHERE period_end > @recent AND NOT met)::int,
               count(*) FILTER (WHERE period_end <= @recent AND period_end > @trend)::int,
               count(*) FILTER (WHERE period_end <= @recent AND period_end > @trend AND NOT met)::int,
               max((period_end - @epoch) * 2 + met::int)
        FROM sla_results
        WHERE tenant_id = @tenant AND period_end > @window AND period_end <= @today
        GROUP BY sla_id
        """;

    /// <summary>Runs the query on the given connection and transaction (row-level security sees the tenant set there).</summary>
    public static async Task<Dictionary<Guid, SlaFigures>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, DateOnly evaluationDate, int windowDays, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter("recent", NpgsqlDbType.Date) { Value = evaluationDate.AddDays(-QualityScore.TrendRecentDays) });
        command.Parameters.Add(new NpgsqlParameter("trend", NpgsqlDbType.Date) { Value = evaluationDate.AddDays(-QualityScore.TrendDays) });
        command.Parameters.Add(new NpgsqlParameter("window", NpgsqlDbType.Date) { Value = evaluationDate.AddDays(-windowDays) });
        command.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = evaluationDate });
        command.Parameters.Add(new NpgsqlParameter("epoch", NpgsqlDbType.Date) { Value = LatestEpoch });
        var figures = new Dictionary<Guid, SlaFigures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            figures[reader.GetGuid(0)] = new SlaFigures(
                new SlaWindowStats(
                    reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetInt32(4), reader.GetInt32(5),
                    reader.GetInt32(6), reader.GetInt32(7), LatestEpoch.AddDays(reader.GetInt32(8) >> 1)),
                (reader.GetInt32(8) & 1) == 1);
        }

        return figures;
    }
}
