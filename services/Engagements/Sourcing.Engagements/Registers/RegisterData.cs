using System.Runtime.CompilerServices;
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

/// <summary>Everything the registers read for one tenant and reference date (untracked): the group, providers and centres loaded once, the arrangements streamed.</summary>
public sealed class RegisterData
{
    public required DateOnly ReferenceDate { get; init; }

    public required TenantProfile? Tenant { get; init; }

    public required RegisterSettings? Settings { get; init; }

    public required List<RegisterEntity> Entities { get; init; }

    public required List<RegisterBranch> Branches { get; init; }

    public required Dictionary<Guid, Provider> Providers { get; init; }

    public required Dictionary<Guid, ProviderRegisterFacts> ProviderFactsById { get; init; }

    /// <summary>The arrangements in force on the reference date, streamed from the database in contract order; each enumeration reads them again.</summary>
    public required IAsyncEnumerable<RegisterArrangement> Arrangements { get; init; }

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

    /// <summary>
    /// Loads what is bounded by the group and its providers (entities, branches, providers, captive
    /// centres, settings) and prepares the arrangements as a stream from the database.
    /// </summary>
    public static async Task<RegisterData> LoadAsync(EngagementsDb db, DateOnly referenceDate, CancellationToken cancellationToken)
    {
        // Only what the registers read of a provider: its certifications, contacts and subcontractor lists stay in the database.
        var providers = await db.Providers.AsNoTracking()
            .Select(p => new Provider { TenantId = p.TenantId, Id = p.Id, LegalName = p.LegalName, HqCountry = p.HqCountry, Lei = p.Lei })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
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
            Arrangements = ArrangementsAsync(db, referenceDate, providers, centres, cancellationToken),
        };
    }

    /// <summary>
    /// The arrangements in force, read one at a time in contract-reference order (byte order, then the
    /// engagement's id): the same register gives the same rows in the same order, and all of a
    /// contract's arrangements come together, as the register's checks need.
    /// </summary>
    private static async IAsyncEnumerable<RegisterArrangement> ArrangementsAsync(
        EngagementsDb db, DateOnly referenceDate, Dictionary<Guid, Provider> providers, Dictionary<Guid, CaptiveCentre> centres,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows =
            from e in db.Engagements.AsNoTracking().Where(e => e.Status != EngagementStatuses.Planned || e.ContractStart != null)
            join f in db.EngagementRegisterFacts.AsNoTracking() on e.Id equals f.EngagementId into facts
            from f in facts.DefaultIfEmpty()
            orderby EF.Functions.Collate(f == null ? e.Id.ToString() : f.ContractReference, "C"), e.Id
            select new { Engagement = e, Facts = (EngagementRegisterFacts?)f };
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var e = row.Engagement;
            if (InForce(e, referenceDate))
            {
                yield return new RegisterArrangement(
                    e,
                    row.Facts ?? RegisterFactsApi.DefaultFacts(e.TenantId, e.Id),
                    e.ProviderId is { } p ? providers.GetValueOrDefault(p) : null,
                    e.CaptiveCentreId is { } c ? centres.GetValueOrDefault(c) : null);
            }
        }
    }
}
