using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Messaging;

public sealed class ProviderRegisteredConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<ProviderRegistered>(db, tenant, jobs)
{
    protected override Task<bool> Apply(ProviderRegistered message, CancellationToken cancellationToken) =>
        SourceCopies.ApplyAsync(Db, message.TenantId, message.Provider, cancellationToken);
}

public sealed class ProviderChangedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<ProviderChanged>(db, tenant, jobs)
{
    protected override Task<bool> Apply(ProviderChanged message, CancellationToken cancellationToken) =>
        SourceCopies.ApplyAsync(Db, message.TenantId, message.Provider, cancellationToken);
}

public sealed class ProviderDeletedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<ProviderDeleted>(db, tenant, jobs)
{
    protected override async Task<bool> Apply(ProviderDeleted message, CancellationToken cancellationToken) =>
        await Db.Providers.Where(p => p.Id == message.ProviderId).ExecuteDeleteAsync(cancellationToken) > 0;
}

public sealed class CaptiveCentreRegisteredConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<CaptiveCentreRegistered>(db, tenant, jobs)
{
    protected override Task<bool> Apply(CaptiveCentreRegistered message, CancellationToken cancellationToken) =>
        SourceCopies.ApplyAsync(Db, message.TenantId, message.CaptiveCentre, cancellationToken);
}

public sealed class CaptiveCentreChangedConsumer(RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs)
    : ReadModelConsumer<CaptiveCentreChanged>(db, tenant, jobs)
{
    protected override Task<bool> Apply(CaptiveCentreChanged message, CancellationToken cancellationToken) =>
        SourceCopies.ApplyAsync(Db, message.TenantId, message.CaptiveCentre, cancellationToken);
}

internal static class SourceCopies
{
    public static async Task<bool> ApplyAsync(RiskDb db, Guid tenantId, ProviderState state, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == state.Id, cancellationToken);
        if (provider is null)
        {
            provider = new Provider { TenantId = tenantId, Id = state.Id };
            db.Providers.Add(provider);
        }
        else if (provider.Version >= state.Version)
        {
            return false;
        }

        provider.LegalName = state.LegalName;
        provider.HqCountry = state.HqCountry;
        provider.Certifications = [.. state.Certifications];
        provider.Version = state.Version;
        return true;
    }

    public static async Task<bool> ApplyAsync(RiskDb db, Guid tenantId, CaptiveCentreState state, CancellationToken cancellationToken)
    {
        var centre = await db.CaptiveCentres.SingleOrDefaultAsync(c => c.Id == state.Id, cancellationToken);
        if (centre is null)
        {
            centre = new CaptiveCentre { TenantId = tenantId, Id = state.Id };
            db.CaptiveCentres.Add(centre);
        }
        else if (centre.Version >= state.Version)
        {
            return false;
        }

        centre.LegalEntity = state.LegalEntity;
        centre.Country = state.Country;
        centre.Kind = state.Kind;
        centre.Headcount = state.Headcount;
        centre.AnnualOperatingCost = state.AnnualOperatingCost;
        centre.Currency = state.Currency;
        centre.Version = state.Version;
        return true;
    }
}
