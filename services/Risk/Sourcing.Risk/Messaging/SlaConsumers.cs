using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Messaging;

public sealed class SlaDefinedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<SlaDefined>(db, tenant, jobs)
{
    protected override Task<bool> Apply(SlaDefined message, CancellationToken cancellationToken) =>
        SlaCopy.ApplyAsync(Db, message.TenantId, message.Sla, cancellationToken);
}

public sealed class SlaChangedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<SlaChanged>(db, tenant, jobs)
{
    protected override Task<bool> Apply(SlaChanged message, CancellationToken cancellationToken) =>
        SlaCopy.ApplyAsync(Db, message.TenantId, message.Sla, cancellationToken, periodChanged: message.ChangedFields.Contains("period"));
}

public sealed class SlaRetiredConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<SlaRetired>(db, tenant, jobs)
{
    protected override Task<bool> Apply(SlaRetired message, CancellationToken cancellationToken) =>
        SlaCopy.ApplyAsync(Db, message.TenantId, message.Sla with { Status = SlaStatuses.Retired, StaleFrom = null }, cancellationToken);
}

/// <summary>
/// Upserts a batch's period results in one statement (a replaced value overwrites its row), with the
/// relative shortfall the SLA service computed, and keeps each SLA's standing (when it turns stale).
/// </summary>
public sealed class SlaResultsRecordedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<SlaResultsRecorded>(db, tenant, jobs)
{
    protected override async Task<bool> Apply(SlaResultsRecorded message, CancellationToken cancellationToken)
    {
        if (message.Results.Count == 0 && message.Standings.Count == 0)
        {
            return false;
        }

        var results = message.Results;
        foreach (var result in results)
        {
            SlaDirections.Parse(result.Direction);
        }

        await Db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO sla_results (tenant_id, sla_id, period_start, period_end, engagement_id, value, target, met, relative_shortfall)
            SELECT @tenant, r.sla_id, r.period_start, r.period_end, @engagement, r.value, r.target, r.met, r.relative_shortfall
            FROM unnest(@slas, @starts, @ends, @values, @targets, @mets, @shortfalls)
              AS r(sla_id, period_start, period_end, value, target, met, relative_shortfall)
            ON CONFLICT (tenant_id, sla_id, period_start) DO UPDATE
            SET period_end = excluded.period_end, value = excluded.value, target = excluded.target, met = excluded.met,
                relative_shortfall = excluded.relative_shortfall
            """,
            [
                new NpgsqlParameter("tenant", message.TenantId),
                new NpgsqlParameter("engagement", message.EngagementId),
                new NpgsqlParameter("slas", results.Select(r => r.SlaId).ToArray()),
                new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = results.Select(r => r.PeriodStart).ToArray() },
                new NpgsqlParameter("ends", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = results.Select(r => r.PeriodEnd).ToArray() },
                new NpgsqlParameter("values", results.Select(r => r.Value).ToArray()),
                new NpgsqlParameter("targets", results.Select(r => r.Target).ToArray()),
                new NpgsqlParameter("mets", results.Select(r => r.Met).ToArray()),
                new NpgsqlParameter("shortfalls", results.Select(r => r.RelativeShortfall).ToArray()),
            ],
            cancellationToken);

        // Periods are only ever added, so a later StaleFrom is the newer standing: a batch consumed
        // out of order cannot move it back. Results can also arrive before the SLA's definition (two
        // queues' messages consumed out of order): the standing is then kept on a placeholder row, retired
        // (so nothing reads it) at version 0 (so the definition overwrites it, keeping the later standing).
        var standings = message.Standings;
        await Db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO slas (tenant_id, id, engagement_id, metric, period, weight, status, version)
            SELECT @tenant, n.sla_id, @engagement, '', '', 0, @retired, 0 FROM unnest(@slas) AS n(sla_id)
            ON CONFLICT (tenant_id, id) DO NOTHING;
            UPDATE slas s SET stale_from = greatest(s.stale_from, n.stale_from)
            FROM unnest(@slas, @froms) AS n(sla_id, stale_from)
            WHERE s.tenant_id = @tenant AND s.id = n.sla_id AND s.stale_from IS DISTINCT FROM greatest(s.stale_from, n.stale_from)
            """,
            [
                new NpgsqlParameter("tenant", message.TenantId),
                new NpgsqlParameter("engagement", message.EngagementId),
                new NpgsqlParameter("retired", SlaStatuses.Retired),
                new NpgsqlParameter("slas", standings.Select(s => s.SlaId).ToArray()),
                new NpgsqlParameter("froms", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = standings.Select(s => s.StaleFrom).ToArray() },
            ],
            cancellationToken);
        return true;
    }
}

internal static class SlaCopy
{
    /// <summary>
    /// Applies a newer state. The words are parsed: an unknown period kind, direction or status throws,
    /// so the message goes to the error queue instead of being read as something it is not. The
    /// standing only moves later (results may have moved it past what a definition event knew), except
    /// when the period kind changed, which the SLA service allows only before any measurement.
    /// </summary>
    public static async Task<bool> ApplyAsync(RiskDb db, Guid tenantId, SlaState state, CancellationToken cancellationToken, bool periodChanged = false)
    {
        SlaPeriodKinds.Parse(state.Period);
        SlaDirections.Parse(state.Direction);
        SlaStatuses.Parse(state.Status);
        var sla = await db.Slas.SingleOrDefaultAsync(s => s.Id == state.Id, cancellationToken);
        if (sla is null)
        {
            sla = new Sla { TenantId = tenantId, Id = state.Id };
            db.Slas.Add(sla);
        }
        else if (sla.Version > state.Version || (sla.Version == state.Version && sla.Status == state.Status))
        {
            return false;
        }

        sla.EngagementId = state.EngagementId;
        sla.Metric = state.Metric;
        sla.Period = state.Period;
        sla.Weight = state.Weight;
        sla.Status = state.Status;
        sla.Version = state.Version;
        sla.StaleFrom = state.StaleFrom is not { } from || sla.Status == SlaStatuses.Retired ? null
            : periodChanged || sla.StaleFrom is not { } known || from > known ? from
            : known;
        return true;
    }
}
