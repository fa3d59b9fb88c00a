using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.CaptiveCentres;
using Sourcing.Engagements.Classification;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Engagements;

/// <summary>What every write of an engagement does (API, CSV import, reclassification): look up the source, classify, audit, publish.</summary>
public static class EngagementWrites
{
    /// <summary>Looks up the provider or captive centre the request names (in the caller's tenant only); null, with the error, when there is none.</summary>
    public static async Task<ResolvedSource?> ResolveSourceAsync(
        EngagementsDb db, Guid? providerId, Guid? captiveCentreId, ValidationErrors errors, string providerField, string centreField,
        CancellationToken cancellationToken)
    {
        if (providerId is { } pid && captiveCentreId is null)
        {
            var provider = await db.Providers.Where(p => p.Id == pid && p.DeletedAt == null).Select(p => new { p.HqCountry }).SingleOrDefaultAsync(cancellationToken);
            if (provider is null)
            {
                errors.Add(providerField, $"no provider with id {pid}.");
                return null;
            }

            return new ResolvedSource(SourceKinds.Provider, provider.HqCountry);
        }

        if (captiveCentreId is { } cid && providerId is null)
        {
            var centre = await db.CaptiveCentres.Where(c => c.Id == cid).SingleOrDefaultAsync(cancellationToken);
            if (centre is null)
            {
                errors.Add(centreField, $"no captive centre or partnership with id {cid}.");
                return null;
            }

            return new ResolvedSource(centre.Kind, centre.Country);
        }

        return null;
    }

    public static EngagementClassification Classify(Engagement e, TenantProfile tenant, int year) =>
        EngagementClassifier.Classify(new ClassificationFacts(
            e.SourceKind, e.PlaceOfWork, e.Scope, e.BusinessProcess, e.ContractStart, e.ContractEnd,
            e.DeliveryCountry, e.DeliveryTimeZone, tenant.HqCountry, tenant.TimeZone, year));

    public static void Create(EngagementsDb db, Engagement e, TenantProfile tenant, Actor actor, DateTimeOffset now)
    {
        e.SetClassification(Classify(e, tenant, now.Year));
        db.Engagements.Add(e);
        AuditTrail.RecordEvent(db, e.TenantId, AuditTrail.Engagement, e.Id, e.Name, "created", actor, now);
        db.AddEvent(new EngagementCreated { TenantId = e.TenantId, Engagement = e.ToState() });
    }

    /// <summary>
    /// Reclassifies, audits and announces a change already written onto the entity: EngagementTerminated
    /// when it became terminated, else EngagementChanged; nothing when no field changed. Returns the changed fields.
    /// </summary>
    public static List<string> Change(
        EngagementsDb db, Engagement e, Dictionary<string, string?> before, TenantProfile tenant, Actor actor, DateTimeOffset now, string action = "changed")
    {
        e.SetClassification(Classify(e, tenant, now.Year));
        var changed = AuditTrail.RecordChanges(db, e.TenantId, AuditTrail.Engagement, e.Id, action, before, e.Snapshot(), actor, now);
        if (changed.Count == 0)
        {
            return changed;
        }

        e.Version++;
        e.UpdatedAt = now;
        if (e.Status == EngagementStatuses.Terminated && before["status"] != EngagementStatuses.Terminated)
        {
            AuditTrail.RecordEvent(db, e.TenantId, AuditTrail.Engagement, e.Id, e.Name, "terminated", actor, now);
            db.AddEvent(new EngagementTerminated { TenantId = e.TenantId, Engagement = e.ToState() });
        }
        else
        {
            db.AddEvent(new EngagementChanged { TenantId = e.TenantId, Engagement = e.ToState(), ChangedFields = changed });
        }

        return changed;
    }

    /// <summary>
    /// Reclassifies the given engagements (after the tenant's HQ or time zone changed, or a captive
    /// centre became a partnership), announcing those whose classification or source kind changed.
    /// </summary>
    public static int Reclassify(
        EngagementsDb db, IEnumerable<Engagement> engagements, TenantProfile tenant, IReadOnlyDictionary<Guid, CaptiveCentre> centres, Actor actor, DateTimeOffset now)
    {
        var count = 0;
        foreach (var e in engagements)
        {
            var before = e.Snapshot();
            if (e.CaptiveCentreId is { } cid && centres.TryGetValue(cid, out var centre))
            {
                e.SourceKind = centre.Kind;
            }

            if (Change(db, e, before, tenant, actor, now, "reclassified").Count > 0)
            {
                count++;
            }
        }

        return count;
    }
}
