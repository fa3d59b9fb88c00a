using Sourcing.Contracts;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Resync;

namespace Sourcing.Engagements.Resync;

/// <summary>
/// Republishes the state the SLA and risk services copy: every provider (ProviderChanged), captive
/// centre (CaptiveCentreChanged) and engagement (EngagementChanged, terminated ones included: the
/// state carries the status), with no changed fields. See <see cref="ResyncEndpoint"/>.
/// </summary>
public static class EngagementsResync
{
    public static void MapEngagementsResync(this WebApplication app) =>
        app.MapResync<EngagementsDb>(RepublishAsync);

    private static async Task RepublishAsync(ResyncWriter<EngagementsDb> writer, CancellationToken cancellationToken)
    {
        var tenantId = writer.TenantId;
        await writer.PublishAsync(
            writer.Db.Providers.OrderBy(p => p.Id),
            p => new ProviderChanged { TenantId = tenantId, Provider = p.ToState(), ChangedFields = [] },
            cancellationToken);
        await writer.PublishAsync(
            writer.Db.CaptiveCentres.OrderBy(c => c.Id),
            c => new CaptiveCentreChanged { TenantId = tenantId, CaptiveCentre = c.ToState(), ChangedFields = [] },
            cancellationToken);
        await writer.PublishAsync(
            writer.Db.Engagements.OrderBy(e => e.Id),
            e => new EngagementChanged { TenantId = tenantId, Engagement = e.ToState(), ChangedFields = [] },
            cancellationToken);
    }
}
