using Sourcing.Contracts;
using Sourcing.Engagements.Classification;
using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Findings;

/// <summary>A failing policy check or contract check on an engagement.</summary>
public sealed record Finding(Guid EngagementId, string EngagementName, string Check, string Severity, string Message);

/// <summary>The checks this service evaluates, as codes.</summary>
public static class FindingChecks
{
    public const string NotAdvisableToOffshore = "not-advisable-to-offshore";
    public const string SensitiveDataWithoutCertification = "sensitive-data-without-certification";
    public const string SingleSourcedCriticalProcess = "single-sourced-critical-process";
    public const string CoreProcessOutsourced = "core-process-outsourced";
    public const string ContractPastEndDate = "contract-past-end-date";
    public const string ContractInNoticeWindow = "contract-in-notice-window";

    public static readonly IReadOnlyList<string> All =
    [
        NotAdvisableToOffshore, SensitiveDataWithoutCertification, SingleSourcedCriticalProcess, CoreProcessOutsourced,
        ContractPastEndDate, ContractInNoticeWindow,
    ];
}

/// <summary>The tenant's switches and list that the checks read (from its settings).</summary>
public sealed record PolicySettings(
    string HqCountry,
    bool NotAdvisableToOffshore,
    bool SensitiveDataWithoutCertification,
    bool SingleSourcedCriticalProcess,
    bool CoreProcessOutsourced,
    IReadOnlyList<string> NotToOffshoreProcesses);

/// <summary>
/// DOMAIN.md's policy checks that this service can judge from its own data, plus the contract
/// checks: computed from the current data every time, so a finding appears and clears as the data
/// changes. "Sensitive data in a high-risk country" needs the reference data of the risk service,
/// and "not monitored" the SLAs: both are judged there.
/// </summary>
public static class PolicyFindings
{
    /// <param name="engagements">All of the tenant's engagements (single sourcing looks at the whole portfolio).</param>
    /// <param name="certifiedProviders">Ids of the providers holding a current ISO 27001 or SOC 2 certificate.</param>
    public static List<Finding> Evaluate(
        PolicySettings settings, IReadOnlyList<Engagement> engagements, IReadOnlySet<Guid> certifiedProviders, DateOnly today)
    {
        var findings = new List<Finding>();
        var live = engagements.Where(e => e.Status != EngagementStatuses.Terminated).ToList();
        var active = live.Where(e => e.Status == EngagementStatuses.Active).ToList();
        var singleSourced = settings.SingleSourcedCriticalProcess ? SingleSourcedCriticalProcesses(active) : [];
        foreach (var e in live)
        {
            void Add(string check, string severity, string message) => findings.Add(new Finding(e.Id, e.Name, check, severity, message));
            var process = EngagementClassifier.ProcessWords(e.BusinessProcess);
            if (settings.NotAdvisableToOffshore && settings.NotToOffshoreProcesses.Contains(e.BusinessProcess) && e.DeliveryCountry != settings.HqCountry)
            {
                Add(FindingChecks.NotAdvisableToOffshore, "warning",
                    $"The {process} process is on the tenant's list of processes not to offshore, and this engagement delivers it from {CountryNames.InSentence(e.DeliveryCountry)}.");
            }

            var sensitive = e.DataSensitivity.Contains(DataSensitivities.Personal) || e.DataSensitivity.Any(DataSensitivities.High.Contains);
            if (settings.SensitiveDataWithoutCertification && sensitive && e.SourceKind == SourceKinds.Provider
                && e.ProviderId is { } providerId && !certifiedProviders.Contains(providerId))
            {
                Add(FindingChecks.SensitiveDataWithoutCertification, "warning",
                    $"The engagement handles {string.Join(", ", e.DataSensitivity)} data, and its provider holds no current ISO 27001 or SOC 2 certificate.");
            }

            if (e.Status == EngagementStatuses.Active && singleSourced.Contains(e.BusinessProcess))
            {
                Add(FindingChecks.SingleSourcedCriticalProcess, "warning",
                    $"The {process} process is critical and has one source only: no second provider, captive centre or partnership.");
            }

            if (settings.CoreProcessOutsourced && e.Core && e.SourceKind == SourceKinds.Provider && e.PlaceOfWork != PlacesOfWork.TenantPremises)
            {
                Add(FindingChecks.CoreProcessOutsourced, "warning",
                    "A core process is done by a third party off the tenant's premises (the advice is to outsource non-core work).");
            }

            if (e.Status == EngagementStatuses.Active && e.ContractEnd is { } end)
            {
                if (end < today && e.AutoRenewal != true)
                {
                    Add(FindingChecks.ContractPastEndDate, "warning",
                        $"The contract ended on {end:yyyy-MM-dd} and does not renew automatically, but the engagement is still active.");
                }
                else if (end >= today && today >= end.AddDays(-(e.NoticePeriodDays ?? 0)))
                {
                    Add(FindingChecks.ContractInNoticeWindow, "info",
                        $"The contract is inside its notice window: notice of {e.NoticePeriodDays ?? 0} days before it ends on {end:yyyy-MM-dd}"
                        + (e.AutoRenewal == true ? "; it renews automatically unless notice is given." : "; decide whether to renew."));
                }
            }
        }

        return findings;
    }

    /// <summary>Processes with a critical active engagement whose active engagements all have one source.</summary>
    public static HashSet<string> SingleSourcedCriticalProcesses(IReadOnlyList<Engagement> active) =>
        active
            .GroupBy(e => e.BusinessProcess)
            .Where(g => g.Any(e => e.Criticality == Criticalities.Critical)
                && g.Select(e => e.ProviderId ?? e.CaptiveCentreId).Distinct().Count() == 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
}
