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
        SlaCopy.ApplyAsync(Db, message.TenantId, message.Sla, cancellationToken);
}

public sealed class SlaRetiredConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<SlaRetired>(db, tenant, jobs)
{
    protected override Task<bool> Apply(SlaRetired message, CancellationToken cancellationToken) =>
        SlaCopy.ApplyAsync(Db, message.TenantId, message.Sla with { Status = "retired" }, cancellationToken);
}

/// <summary>Upserts a batch's period results in one statement (a replaced value overwrites its row).</summary>
public sealed class SlaResultsRecordedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<SlaResultsRecorded>(db, tenant, jobs)
{
    protected override async Task<bool> Apply(SlaResultsRecorded message, CancellationToken cancellationToken)
    {
        if (message.Results.Count == 0)
        {
            return false;
        }

        var results = message.Results;
        await Db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO sla_results (tenant_id, sla_id, period_start, period_end, engagement_id, value, target, met)
            SELECT @tenant, r.sla_id, r.period_start, r.period_end, @engagement, r.value, r.target, r.met
            FROM unnest(@slas, @starts, @ends, @values, @targets, @mets) AS r(sla_id, period_start, period_end, value, target, met)
            ON CONFLICT (tenant_id, sla_id, period_start) DO UPDATE
            SET period_end = excluded.period_end, value = excluded.value, target = excluded.target, met = excluded.met
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
            ],
            cancellationToken);
        return true;
    }
}

internal static class SlaCopy
{
    public static async Task<bool> ApplyAsync(RiskDb db, Guid tenantId, SlaState state, CancellationToken cancellationToken)
    {
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
        return true;
    }
}
