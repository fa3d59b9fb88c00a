using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Messaging;

public sealed class TenantRegisteredConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<TenantRegistered>(db, tenant, jobs)
{
    protected override async Task<bool> Apply(TenantRegistered message, CancellationToken cancellationToken)
    {
        var changed = await TenantSettingsCopy.ApplyAsync(Db, message.TenantId, message.Settings, cancellationToken);
        // The first admin: known here so that a later role change to vendor manager has the address.
        if (!await Db.Members.AnyAsync(m => m.UserId == message.AdminUserId, cancellationToken))
        {
            var name = string.IsNullOrWhiteSpace(message.AdminName) ? message.AdminEmail : message.AdminName;
            Db.Members.Add(new Member { TenantId = message.TenantId, UserId = message.AdminUserId, Email = message.AdminEmail, Name = name, Role = Roles.Admin });
        }

        return changed;
    }
}

public sealed class TenantSettingsChangedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<TenantSettingsChanged>(db, tenant, jobs)
{
    protected override Task<bool> Apply(TenantSettingsChanged message, CancellationToken cancellationToken) =>
        TenantSettingsCopy.ApplyAsync(Db, message.TenantId, message.Settings, cancellationToken);
}

internal static class TenantSettingsCopy
{
    /// <summary>Keeps the newest settings (by version); an older state arriving late is ignored.</summary>
    public static async Task<bool> ApplyAsync(RiskDb db, Guid tenantId, TenantSettings settings, CancellationToken cancellationToken)
    {
        var existing = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            db.Tenants.Add(new RiskTenant { TenantId = tenantId, Settings = settings, Version = settings.Version });
            await db.Database.ExecuteSqlAsync($"INSERT INTO tenant_directory (id) VALUES ({tenantId}) ON CONFLICT DO NOTHING", cancellationToken);
            return true;
        }

        if (existing.Version >= settings.Version)
        {
            return false;
        }

        existing.Settings = settings;
        existing.Version = settings.Version;
        return true;
    }
}
