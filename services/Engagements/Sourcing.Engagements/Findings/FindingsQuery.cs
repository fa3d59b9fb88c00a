using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Findings;

/// <summary>
/// The findings of the caller's tenant: the contract checks, evaluated now, and the policy checks
/// as the risk service last judged them (its PolicyFindingsChanged events).
/// </summary>
public static class FindingsQuery
{
    public const string PolicySeverity = "warning";

    public static async Task<List<Finding>> EvaluateAsync(EngagementsDb db, TimeProvider clock, Guid? engagementId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var live = db.Engagements.AsNoTracking().Where(e => e.Status != EngagementStatuses.Terminated);
        var policy = db.PolicyFindings.AsNoTracking();
        if (engagementId is { } one)
        {
            live = live.Where(e => e.Id == one);
            policy = policy.Where(p => p.EngagementId == one);
        }

        var engagements = await live.ToListAsync(cancellationToken);
        var names = engagements.ToDictionary(e => e.Id, e => e.Name);
        var findings = ContractFindings.Evaluate(engagements, today);
        foreach (var copy in await policy.ToListAsync(cancellationToken))
        {
            if (names.TryGetValue(copy.EngagementId, out var name))
            {
                findings.AddRange(copy.Findings.Select(f => new Finding(copy.EngagementId, name, f.Check, PolicySeverity, f.Message)));
            }
        }

        return findings;
    }
}
