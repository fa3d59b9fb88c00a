using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Resync;
using Sourcing.Tenants.Data;

namespace Sourcing.Tenants.Resync;

/// <summary>
/// Republishes the state the engagements and risk services copy: the tenant's settings
/// (TenantSettingsChanged with no changed fields; consumers create the copy when it is missing).
/// See <see cref="ResyncEndpoint"/>.
/// </summary>
public static class TenantsResync
{
    public static void MapTenantsResync(this WebApplication app) =>
        app.MapResync<TenantsDb>(RepublishAsync);

    private static Task RepublishAsync(ResyncWriter<TenantsDb> writer, CancellationToken cancellationToken) =>
        writer.PublishAsync(
            writer.Db.Tenants.OrderBy(t => t.TenantId),
            t => new TenantSettingsChanged { TenantId = t.TenantId, Settings = t.ToSettings(), ChangedFields = [] },
            cancellationToken);
}
