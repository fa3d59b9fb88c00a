using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Findings;

/// <summary>Loads what the checks need for the caller's tenant and evaluates them.</summary>
public static class FindingsQuery
{
    public static async Task<List<Finding>> EvaluateAsync(EngagementsDb db, TimeProvider clock, Guid? engagementId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var live = db.Engagements.AsNoTracking().Where(e => e.Status != EngagementStatuses.Terminated);
        if (engagementId is { } one)
        {
            // One engagement's findings need only its own process (single sourcing looks no further).
            var process = await db.Engagements.Where(e => e.Id == one).Select(e => e.BusinessProcess).SingleOrDefaultAsync(cancellationToken);
            if (process is null)
            {
                return [];
            }

            live = live.Where(e => e.BusinessProcess == process);
        }

        var engagements = await live.ToListAsync(cancellationToken);
        var providerIds = engagements.Where(e => e.ProviderId != null).Select(e => e.ProviderId!.Value).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var certified = providers.Where(p => p.HasCurrentSecurityCertificate(today)).Select(p => p.Id).ToHashSet();
        var settings = new PolicySettings(
            tenant.HqCountry,
            tenant.CheckNotAdvisableToOffshore,
            tenant.CheckSensitiveDataWithoutCertification,
            tenant.CheckSingleSourcedCriticalProcess,
            tenant.CheckCoreProcessOutsourced,
            tenant.NotToOffshoreProcesses);
        var findings = PolicyFindings.Evaluate(settings, engagements, certified, today);
        return engagementId is { } id ? [.. findings.Where(f => f.EngagementId == id)] : findings;
    }
}
