using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Findings;

/// <summary>A failing policy check or contract check on an engagement.</summary>
public sealed record Finding(Guid EngagementId, string EngagementName, string Check, string Severity, string Message);

/// <summary>The contract checks this service evaluates, as codes.</summary>
public static class FindingChecks
{
    public const string ContractPastEndDate = "contract-past-end-date";
    public const string ContractInNoticeWindow = "contract-in-notice-window";

    public static readonly IReadOnlyList<string> All = [ContractPastEndDate, ContractInNoticeWindow];
}

/// <summary>
/// The contract checks: computed from the current data every time, so a finding appears and clears
/// as the data changes. The policy checks of DOMAIN.md are judged by the risk service (see
/// docs/engagements.md) and shown from its PolicyFindingsChanged events.
/// </summary>
public static class ContractFindings
{
    /// <param name="engagements">The engagements to check (terminated and planned ones have none).</param>
    public static List<Finding> Evaluate(IReadOnlyList<Engagement> engagements, DateOnly today)
    {
        var findings = new List<Finding>();
        foreach (var e in engagements.Where(e => e.Status == EngagementStatuses.Active))
        {
            if (e.ContractEnd is not { } end)
            {
                continue;
            }

            if (end < today && e.AutoRenewal != true)
            {
                findings.Add(new Finding(e.Id, e.Name, FindingChecks.ContractPastEndDate, "warning",
                    $"The contract ended on {end:yyyy-MM-dd} and does not renew automatically, but the engagement is still active."));
            }
            else if (end >= today && today >= end.AddDays(-(e.NoticePeriodDays ?? 0)))
            {
                findings.Add(new Finding(e.Id, e.Name, FindingChecks.ContractInNoticeWindow, "info",
                    $"The contract is inside its notice window: notice of {e.NoticePeriodDays ?? 0} days before it ends on {end:yyyy-MM-dd}"
                    + (e.AutoRenewal == true ? "; it renews automatically unless notice is given." : "; decide whether to renew.")));
            }
        }

        return findings;
    }
}
