using Sourcing.Contracts;
using Sourcing.Risk.Policy;
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

        var slasByEngagement = inputs.Slas.Where(s => s.Status != SlaStatuses.Retired).ToLookup(s => s.EngagementId);
        foreach (var e in inputs.Engagements)
        {
            var subject = $"engagement:{e.Id}";
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

            if (InNoticeWindowWithoutDecision(e.Contract, inputs.EvaluationDate) && e.Contract is { End: { } end } contract)
            {
                causes.Add(new AlertCause(subject, AlertKinds.NoticeWindow, e.Id, "warning",
                    $"{e.Name}: the contract ends {end:yyyy-MM-dd} and its {contract.NoticePeriodDays}-day notice window is open, with no renewal decision"
                    + (contract.AutoRenewal ? " (it renews automatically unless notice is given)." : ".")));
            }
        }

        // The policy checks are judged once, by PolicyFindings; each failing check is an alert of its
        // own kind, and single sourcing is one alert per process.
        foreach (var finding in scores.SelectMany(s => s.Policy))
        {
            var e = byId[finding.EngagementId];
            if (finding.Check == PolicyCheckCodes.SingleSourcedCriticalProcess)
            {
                var process = $"process:{e.BusinessProcess}";
                if (!causes.Any(c => c.Subject == process && c.Kind == AlertKinds.SingleSourcedCriticalProcess))
                {
                    causes.Add(new AlertCause(process, AlertKinds.SingleSourcedCriticalProcess, null, "warning",
                        $"The critical process {e.BusinessProcess} has one source ({TenantScoring.SourceName(inputs, e)}) and no second one."));
                }

                continue;
            }

            causes.Add(new AlertCause($"engagement:{e.Id}", PolicyCheckCodes.AlertKind(finding.Check), e.Id, "warning", $"{e.Name}: {finding.Message}"));
        }

        var active = inputs.Engagements.Where(e => e.Status == EngagementValues.Active).ToList();
        causes.AddRange(CountryConcentration(inputs, scores, active));
        return causes;
    }

    /// <summary>
    /// DOMAIN.md: a contract that is in its notice window (from its end minus the notice period to
    /// its end, both included) while its renewal decision is still undecided. Automatic renewal is
    /// not a decision: it is what happens when nobody decides.
    /// </summary>
    public static bool InNoticeWindowWithoutDecision(ContractTerms? contract, DateOnly evaluationDate) =>
        contract is { End: { } end }
        && contract.RenewalDecision == RenewalDecisions.Undecided
        && evaluationDate >= end.AddDays(-contract.NoticePeriodDays)
        && evaluationDate <= end;

    /// <summary>The foreign countries whose share of the cost of critical and important engagements is above the tenant's threshold.</summary>
    public static IEnumerable<AlertCause> CountryConcentration(TenantInputs inputs, IReadOnlyList<ComputedScores> scores, IReadOnlyList<Engagement> active)
    {
        var cost = scores.ToDictionary(s => s.EngagementId, s => s.Cost);
        var threshold = (double)inputs.Settings.CountryConcentrationThresholdPercent;
        var shares = Scoring.CountryConcentration.Compute(
            active.Select(e => (e.DeliveryCountry, e.Criticality is EngagementValues.Critical or EngagementValues.Important, cost.GetValueOrDefault(e.Id))),
            inputs.Settings.HqCountry,
            threshold);
        return shares.Where(s => s.AboveThreshold).Select(s => new AlertCause($"country:{s.Country}", AlertKinds.CountryConcentration, null, "warning",
            $"{F2(s.SharePercent)} % of the cost of critical and important engagements is in {s.Country}, above the threshold of {F2(threshold)} %."));
    }
}
