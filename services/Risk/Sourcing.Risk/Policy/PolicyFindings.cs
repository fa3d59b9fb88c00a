using Sourcing.Contracts;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Policy;

/// <summary>A failing policy check on one engagement: the check's code and what fails, in words.</summary>
public sealed record PolicyFinding(Guid EngagementId, string Check, string Message);

/// <summary>
/// DOMAIN.md's six policy checks, the only implementation of them. The risk service owns them
/// because it is the one service that holds every input through events (engagements, providers
/// with their certificates, SLAs, the tenant's switches) and the WGI reference data that
/// "sensitive data in a high-risk country" needs. Their results become the policy alerts, the
/// findings of the score breakdown, and the PolicyFindingsChanged event from which the engagements
/// service shows them. Planned and active engagements are checked; single sourcing looks at the
/// active ones.
/// </summary>
public static class PolicyFindings
{
    public static IReadOnlyList<PolicyFinding> Evaluate(TenantInputs inputs)
    {
        var settings = inputs.Settings;
        var checks = settings.PolicyChecks;
        var findings = new List<PolicyFinding>();
        var monitored = inputs.Slas.Where(s => s.Status != SlaStatuses.Retired).Select(s => s.EngagementId).ToHashSet();
        var singleSourced = checks.SingleSourcedCriticalProcess
            ? SingleSourcedCriticalProcesses(inputs.Engagements.Where(e => e.Status == EngagementValues.Active))
            : [];
        foreach (var e in inputs.Engagements.Where(e => e.Status != EngagementValues.Terminated))
        {
            void Add(string check, string message) => findings.Add(new PolicyFinding(e.Id, check, message));
            var abroad = e.DeliveryCountry != settings.HqCountry;
            if (checks.NotAdvisableToOffshore && abroad && settings.NotToOffshoreProcesses.Contains(e.BusinessProcess))
            {
                Add(PolicyCheckCodes.NotAdvisableToOffshore,
                    $"The {e.BusinessProcess} process is on the tenant's list of processes not to offshore, and this engagement delivers it from {e.DeliveryCountry}.");
            }

            var stability = Stability(inputs, e.DeliveryCountry);
            if (checks.SensitiveDataInHighRiskCountry && SensitiveDataInHighRiskCountry(abroad, HighSensitivity(e), stability, inputs.Reference.BottomQuartile))
            {
                Add(PolicyCheckCodes.SensitiveDataInHighRiskCountry,
                    $"High-sensitivity data is handled in {e.DeliveryCountry}, whose political stability {F2(stability!.Value)} is in the bottom quartile (at or below {F2(inputs.Reference.BottomQuartile)}).");
            }

            if (checks.SensitiveDataWithoutCertification && e.SourceKind == SourceKinds.Provider
                && (HighSensitivity(e) || e.DataSensitivity.Contains(DataSensitivities.Personal))
                && !(e.ProviderId is { } pid && inputs.Providers.TryGetValue(pid, out var provider) && HasCurrentCertificate(provider, inputs.EvaluationDate)))
            {
                Add(PolicyCheckCodes.SensitiveDataWithoutCertification,
                    $"The engagement handles {string.Join(", ", e.DataSensitivity)} data, and its provider holds no current ISO 27001 or SOC 2 certificate.");
            }

            if (e.Status == EngagementValues.Active && singleSourced.TryGetValue(e.BusinessProcess, out var only))
            {
                Add(PolicyCheckCodes.SingleSourcedCriticalProcess,
                    $"The {e.BusinessProcess} process is critical and has one source only ({TenantScoring.SourceName(inputs, only)}): no second provider, captive centre or partnership.");
            }

            if (checks.CoreProcessOutsourced && e.Core && e.SourceKind == SourceKinds.Provider && e.PlaceOfWork != EngagementValues.TenantPremises)
            {
                Add(PolicyCheckCodes.CoreProcessOutsourced,
                    $"A core process ({e.BusinessProcess}) is done by a third party off the tenant's premises (the advice is to outsource non-core work).");
            }

            if (checks.NotMonitored && !monitored.Contains(e.Id))
            {
                Add(PolicyCheckCodes.NotMonitored, "No SLA: the engagement is not monitored.");
            }
        }

        return findings;
    }

    /// <summary>High sensitivity (financial, health or legal privilege) delivered abroad from a country at or below the bottom-quartile stability score.</summary>
    public static bool SensitiveDataInHighRiskCountry(bool abroad, bool highSensitivity, double? stability, double bottomQuartile) =>
        abroad && highSensitivity && stability is { } s && s <= bottomQuartile;

    /// <summary>The delivery country's political stability: the tenant's override, else the reference data's; null when neither has one.</summary>
    public static double? Stability(TenantInputs inputs, string country) =>
        inputs.Overrides.GetValueOrDefault(country)?.PoliticalStability
        ?? (double?)inputs.Reference.CountriesByIso2.GetValueOrDefault(country)?.PoliticalStability;

    public static bool HighSensitivity(Engagement e) => e.DataSensitivity.Any(DataSensitivities.High.Contains);

    /// <summary>
    /// The processes with a critical active engagement whose active engagements all have one source
    /// (provider, captive centre or partnership), each with one of its engagements (to name the source).
    /// </summary>
    public static Dictionary<string, Engagement> SingleSourcedCriticalProcesses(IEnumerable<Engagement> active) =>
        active
            .GroupBy(e => e.BusinessProcess)
            .Where(g => g.Any(e => e.Criticality == EngagementValues.Critical) && g.Select(TenantScoring.SourceKey).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>A certificate whose name contains "27001" or "SOC 2" (spaces and hyphens ignored) and whose validity has not ended before the date.</summary>
    public static bool HasCurrentCertificate(Provider provider, DateOnly today) =>
        provider.Certifications.Any(c => IsSecurityCertificate(c.Name) && (c.ValidUntil is null || c.ValidUntil >= today));

    public static bool IsSecurityCertificate(string name)
    {
        var compact = name.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return compact.Contains("27001", StringComparison.Ordinal) || compact.Contains("SOC2", StringComparison.OrdinalIgnoreCase);
    }
}
