using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Resync;
using Sourcing.Sla.Data;
using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Resync;

/// <summary>
/// Republishes the state the risk service copies: every SLA definition (SlaChanged with no changed
/// fields; retired ones too, the state carries the status), with its staleness computed as for
/// any other change. See <see cref="ResyncEndpoint"/>.
/// </summary>
public static class SlaResync
{
    public static void MapSlaResync(this WebApplication app) =>
        app.MapResync<SlaDb>(RepublishAsync);

    private static async Task RepublishAsync(ResyncWriter<SlaDb> writer, CancellationToken cancellationToken)
    {
        var db = writer.Db;
        var latest = await db.Measurements
            .GroupBy(m => m.SlaId)
            .Select(g => new { SlaId = g.Key, Latest = g.Max(m => m.PeriodStart) })
            .ToDictionaryAsync(x => x.SlaId, x => (DateOnly?)x.Latest, cancellationToken);
        var contractStarts = await db.Engagements.ToDictionaryAsync(e => e.Id, e => e.ContractStart, cancellationToken);
        await writer.PublishAsync(
            db.Slas.OrderBy(s => s.Id),
            s => new SlaChanged
            {
                TenantId = writer.TenantId,
                Sla = s.ToState(SlaStaleness.StaleFrom(s.Period, latest.GetValueOrDefault(s.Id), contractStarts.GetValueOrDefault(s.EngagementId))),
                ChangedFields = [],
            },
            cancellationToken);
    }
}
