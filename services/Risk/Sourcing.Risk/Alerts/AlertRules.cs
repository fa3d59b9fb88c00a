using Sourcing.Contracts;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Alerts;

/// <summary>
/// Which alert causes are present for a tenant after a recompute. An alert stays open while its
/// cause is present and resolves by itself when it goes away; a band rise stays while the band is
/// still above the one it rose from.
/// </summary>
public static class AlertRules
{
    public static IReadOnlyList<AlertCause> Evaluate(
        TenantInputs inputs,
        IReadOnlyList<ComputedScores> scores,
        IReadOnlyDictionary<Guid, string?> previousBands,
        IReadOnlyDictionary<(string Subject, string Kind), string?> openBaselines)
    {
        var settings = inputs.Settings;
        var checks = settings.PolicyChecks;
        var causes = new List<AlertCause>();
        var byId = inputs.Engagements.ToDictionary(e => e.Id);
        var critical = (double)settings.BandThresholds.Critical;

        foreach (var s in scores)
        {
            var e = byId[s.EngagementId];
            var subject = $"engagement:{e.Id}";
            if (s.Band is { } band)
            {
                var previous = previousBands.GetValueOrDefault(e.Id);
                openBaselines.TryGetValue((subject, AlertKinds.BandRise), out var baseline);
                var from = baseline ?? (previous is not null && Bands.Rank(band) > Bands.Rank(previous) ? previous : null);
                if (from is not null && Bands.Rank(band) > Bands.Rank(from))
                {
                    causes.Add(new AlertCause(subject, AlertKinds.BandRise, e.Id, band == Bands.Critical ? "critical" : "warning",
                        $"{e.Name}: risk band rose from {from} to {band} (composite {F2(s.Composite ?? 0)}).", from));
                }
            }

            var above = new List<string>();
            void Check(string name, double? value)
            {
                if (value >= critical)
                {
                    above.Add($"{name} {F2(value.Value)}");
                }
            }

            Check("quality", s.Quality.Value);
            Check("dependency", s.Dependency?.Value);
            Check("geopolitical", s.Geopolitical.Value);
            if (above.Count > 0)
            {
                causes.Add(new AlertCause(subject, AlertKinds.ScoreThreshold, e.Id, "critical",
                    $"{e.Name}: {string.Join(", ", above)} at or above the threshold {F2(critical)}."));
            }
        }

        var slasByEngagement = inputs.Slas.Where(s => s.Status != "retired").ToLookup(s => s.EngagementId);
        foreach (var e in inputs.Engagements)
        {
            var subject = $"engagement:{e.Id}";
            var abroad = e.DeliveryCountry != settings.HqCountry;
            if (e.Criticality == EngagementValues.Critical)
            {
                foreach (var sla in slasByEngagement[e.Id])
                {
                    if (inputs.SlaFigures.TryGetValue(sla.Id, out var f) && f.LatestMet == false)
                    {
                        causes.Add(new AlertCause($"sla:{sla.Id}", AlertKinds.SlaBreach, e.Id, "critical",
                            $"{e.Name} (critical): SLA '{sla.Metric}' missed its target in the period ending {f.Stats.LatestPeriodEnd:yyyy-MM-dd}."));
                    }
                }
            }

            if (e.Contract is { End: { } end, AutoRenewal: false } contract
                && inputs.EvaluationDate >= end.AddDays(-contract.NoticePeriodDays) && inputs.EvaluationDate <= end)
            {
                causes.Add(new AlertCause(subject, AlertKinds.NoticeWindow, e.Id, "warning",
                    $"{e.Name}: the contract ends {end:yyyy-MM-dd} and its {contract.NoticePeriodDays}-day notice window is open, with no renewal decision."));
            }

            if (checks.NotAdvisableToOffshore && abroad && settings.NotToOffshoreProcesses.Contains(e.BusinessProcess))
            {
                causes.Add(new AlertCause(subject, AlertKinds.NotAdvisableToOffshore, e.Id, "warning",
                    $"{e.Name}: {e.BusinessProcess} is delivered from {e.DeliveryCountry}, and the tenant does not advise offshoring it."));
            }

            var stability = inputs.Overrides.GetValueOrDefault(e.DeliveryCountry)?.PoliticalStability
                ?? (double?)inputs.Reference.CountriesByIso2.GetValueOrDefault(e.DeliveryCountry)?.PoliticalStability;
            if (checks.SensitiveDataInHighRiskCountry && abroad && TenantScoring.HighSensitivity(e) && stability <= inputs.Reference.BottomQuartile)
            {
                causes.Add(new AlertCause(subject, AlertKinds.SensitiveDataInHighRiskCountry, e.Id, "warning",
                    $"{e.Name}: high-sensitivity data in {e.DeliveryCountry}, political stability {F2(stability!.Value)} in the bottom quartile (at or below {F2(inputs.Reference.BottomQuartile)})."));
            }

            if (checks.SensitiveDataWithoutCertification && e.SourceKind == SourceKinds.Provider
                && (TenantScoring.HighSensitivity(e) || e.DataSensitivity.Contains(DataSensitivities.Personal))
                && !(e.ProviderId is { } pid && inputs.Providers.TryGetValue(pid, out var provider) && HasCurrentCertificate(provider, inputs.EvaluationDate)))
            {
                causes.Add(new AlertCause(subject, AlertKinds.SensitiveDataWithoutCertification, e.Id, "warning",
                    $"{e.Name}: personal or high-sensitivity data with a provider that holds no current ISO 27001 or SOC 2 certificate."));
            }

            if (checks.CoreProcessOutsourced && e.Core && e.SourceKind == SourceKinds.Provider && e.PlaceOfWork != EngagementValues.TenantPremises)
            {
                causes.Add(new AlertCause(subject, AlertKinds.CoreProcessOutsourced, e.Id, "warning",
                    $"{e.Name}: a core process ({e.BusinessProcess}) is done by a third party off the tenant's premises."));
            }

            if (checks.NotMonitored && !slasByEngagement[e.Id].Any())
            {
                causes.Add(new AlertCause(subject, AlertKinds.NotMonitored, e.Id, "warning", $"{e.Name}: no SLA, so the engagement is not monitored."));
            }
        }

        var active = inputs.Engagements.Where(e => e.Status == EngagementValues.Active).ToList();
        if (checks.SingleSourcedCriticalProcess)
        {
            foreach (var process in active.GroupBy(e => e.BusinessProcess))
            {
                var sources = process.Select(TenantScoring.SourceKey).Distinct().ToList();
                if (process.Any(e => e.Criticality == EngagementValues.Critical) && sources.Count == 1)
                {
                    var only = process.First();
                    causes.Add(new AlertCause($"process:{process.Key}", AlertKinds.SingleSourcedCriticalProcess, null, "warning",
                        $"The critical process {process.Key} has one source ({TenantScoring.SourceName(inputs, only)}) and no second one."));
                }
            }
        }

        causes.AddRange(CountryConcentration(inputs, scores, active));
        return causes;
    }

    /// <summary>The share of the cost of critical and important engagements in each foreign country, above the tenant's threshold.</summary>
    public static IEnumerable<AlertCause> CountryConcentration(TenantInputs inputs, IReadOnlyList<ComputedScores> scores, IReadOnlyList<Engagement> active)
    {
        var cost = scores.ToDictionary(s => s.EngagementId, s => s.Cost);
        var relevant = active
            .Where(e => e.Criticality is EngagementValues.Critical or EngagementValues.Important && cost.GetValueOrDefault(e.Id) is not null)
            .ToList();
        var total = relevant.Sum(e => cost[e.Id]!.Value);
        if (total <= 0)
        {
            yield break;
        }

        var threshold = (double)inputs.Settings.CountryConcentrationThresholdPercent;
        foreach (var country in relevant.Where(e => e.DeliveryCountry != inputs.Settings.HqCountry).GroupBy(e => e.DeliveryCountry))
        {
            var share = 100 * country.Sum(e => cost[e.Id]!.Value) / total;
            if (share > threshold)
            {
                yield return new AlertCause($"country:{country.Key}", AlertKinds.CountryConcentration, null, "warning",
                    $"{F2(share)} % of the cost of critical and important engagements is in {country.Key}, above the threshold of {F2(threshold)} %.");
            }
        }
    }

    public static bool HasCurrentCertificate(Provider provider, DateOnly today) =>
        provider.Certifications.Any(c =>
            (c.Name.Contains("27001", StringComparison.OrdinalIgnoreCase) || c.Name.Replace(" ", "", StringComparison.Ordinal).Contains("SOC2", StringComparison.OrdinalIgnoreCase))
            && (c.ValidUntil is null || c.ValidUntil >= today));
}
