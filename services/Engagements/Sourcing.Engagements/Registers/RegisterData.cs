using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.CaptiveCentres;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Tenancy;

namespace Sourcing.Engagements.Registers;

/// <summary>One arrangement in force on the reference date with what the registers read about it.</summary>
public sealed record RegisterArrangement(Engagement Engagement, EngagementRegisterFacts Facts, Provider? Provider, CaptiveCentre? Centre)
{
    /// <summary>A captive centre or partnership, or a provider of the tenant's group.</summary>
    public bool IntraGroup(RegisterData data) => Centre is not null || (Provider is { } p && data.ProviderFacts(p.Id).IntraGroup);

    /// <summary>The ICT arrangements of the DORA register: those with an ICT service type.</summary>
    public bool IsIct => Facts.IctServiceType is not null;
}

/// <summary>Everything the registers read for one tenant and reference date, loaded once (untracked).</summary>
public sealed class RegisterData
{
    public required DateOnly ReferenceDate { get; init; }

    public required TenantProfile? Tenant { get; init; }

    public required RegisterSettings? Settings { get; init; }

    public required List<RegisterEntity> Entities { get; init; }

    public required List<RegisterBranch> Branches { get; init; }

    public required Dictionary<Guid, Provider> Providers { get; init; }

    public required Dictionary<Guid, ProviderRegisterFacts> ProviderFactsById { get; init; }

    public required List<RegisterArrangement> Arrangements { get; init; }

    public ProviderRegisterFacts ProviderFacts(Guid providerId) =>
        ProviderFactsById.TryGetValue(providerId, out var f) ? f : new ProviderRegisterFacts { ProviderId = providerId };

    public RegisterEntity? ReportingEntity => Settings is null ? null : Entities.Find(e => e.Lei == Settings.ReportingEntityLei);

    /// <summary>The register's currency: the reporting entity's, else the tenant's reporting currency.</summary>
    public string Currency => ReportingEntity?.Currency ?? Tenant?.ReportingCurrency ?? "EUR";

    /// <summary>
    /// In force on the reference date: not terminated on or before it, and either a contract that has
    /// started by then and not ended before it, or (without contract dates) an active engagement.
    /// </summary>
    public static bool InForce(Engagement e, DateOnly referenceDate) =>
        (e.TerminatedOn is null || e.TerminatedOn > referenceDate)
        && (e.Status != EngagementStatuses.Terminated || e.TerminatedOn is not null)
        && (e.ContractStart is { } start
            ? start <= referenceDate && (e.ContractEnd is null || e.ContractEnd >= referenceDate)
            : e.Status == EngagementStatuses.Active);

    public static async Task<RegisterData> LoadAsync(EngagementsDb db, DateOnly referenceDate, CancellationToken cancellationToken)
    {
        var engagements = (await db.Engagements.AsNoTracking().Where(e => e.Status != EngagementStatuses.Planned || e.ContractStart != null).ToListAsync(cancellationToken))
            .Where(e => InForce(e, referenceDate)).OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id).ToList();
        var facts = await db.EngagementRegisterFacts.AsNoTracking().ToDictionaryAsync(f => f.EngagementId, cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        return new RegisterData
        {
            ReferenceDate = referenceDate,
            Tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken),
            Settings = await db.RegisterSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken),
            Entities = await db.RegisterEntities.AsNoTracking().OrderBy(e => e.Lei).ToListAsync(cancellationToken),
            Branches = await db.RegisterBranches.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken),
            Providers = providers,
            ProviderFactsById = await db.ProviderRegisterFacts.AsNoTracking().ToDictionaryAsync(f => f.ProviderId, cancellationToken),
            // In contract-reference order, so that the same register gives the same rows in the same order.
            Arrangements = [.. engagements.ConvertAll(e => new RegisterArrangement(
                e,
                facts.GetValueOrDefault(e.Id) ?? RegisterFactsApi.DefaultFacts(e.TenantId, e.Id),
                e.ProviderId is { } p ? providers.GetValueOrDefault(p) : null,
                e.CaptiveCentreId is { } c ? centres.GetValueOrDefault(c) : null))
                .OrderBy(a => a.Facts.ContractReference, StringComparer.Ordinal).ThenBy(a => a.Engagement.Id)],
        };
    }
}
