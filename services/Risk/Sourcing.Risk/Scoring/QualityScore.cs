using Sourcing.Contracts;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Scoring;

/// <summary>One SLA as the quality score sees it; <paramref name="StaleFrom"/> is the SLA service's standing (null: not said, not stale).</summary>
public sealed record QualitySla(Guid SlaId, string Metric, string Period, double Weight, SlaWindowStats Stats, DateOnly? StaleFrom);

/// <summary>
/// DOMAIN.md's quality score: for each SLA with a measured period in the trailing window, SLA risk =
/// m x (0.5 + 0.5 d) with m the miss rate and d the mean capped shortfall of the missed periods;
/// quality = min(100, 100 x sum(w x risk) / sum(w) + additions), the additions being +10 for a
/// worsening trend and +5 nearshore / +10 offshore.
/// </summary>
public static class QualityScore
{
    public const int DefaultWindowDays = QualityScoreSettings.DefaultWindowDays;
    public const int TrendRecentDays = 30;

    /// <summary>The trend compares the last 30 days with the 60 before them: 90 days, whatever the window (which is at least this long).</summary>
    public const int TrendDays = 90;

    /// <summary>
    /// The score with the tenant's <paramref name="settings"/> (DOMAIN's defaults when null). The grade and
    /// its <paramref name="locationGapHours"/> (of <paramref name="locationGapYear"/>) are the engagements
    /// service's classification, shown as given so that the breakdown never contradicts it.
    /// </summary>
    public static ScoreResult Compute(
        IReadOnlyList<QualitySla> slas,
        string? locationGrade,
        DateOnly evaluationDate,
        QualityScoreSettings? settings = null,
        decimal? locationGapHours = null,
        int? locationGapYear = null)
    {
        settings ??= new QualityScoreSettings();
        var findings = new List<Finding>();
        if (slas.Count == 0)
        {
            return ScoreResult.None(new Finding(FindingCodes.NotMonitored, "No SLA: the engagement is not monitored, so it has no quality score."));
        }

        foreach (var sla in slas)
        {
            if (IsStale(sla, evaluationDate))
            {
                findings.Add(new Finding(
                    FindingCodes.Stale,
                    $"SLA '{sla.Metric}' is stale: no measurement in its last two {sla.Period} periods"
                    + (sla.Stats.LatestPeriodEnd is { } last ? $" (latest period ended {last:yyyy-MM-dd})." : " (never measured).")));
            }
        }

        var measured = slas.Where(s => s.Stats.Measured > 0).ToList();
        if (measured.Count == 0)
        {
            findings.Add(new Finding(FindingCodes.NoMeasurement, "No SLA has a measured period in the window, so there is no quality score."));
            return new ScoreResult(null, [], findings);
        }

        var factors = new List<Factor>();
        var weightSum = measured.Sum(s => s.Weight);
        var weighted = 0.0;
        foreach (var sla in measured)
        {
            var m = (double)sla.Stats.Missed / sla.Stats.Measured;
            var d = sla.Stats.Missed == 0 ? 0 : sla.Stats.ShortfallSum / sla.Stats.Missed;
            var risk = m * (0.5 + 0.5 * d);
            // Weights of zero everywhere would divide by zero: count the SLAs equally then.
            var share = weightSum > 0 ? sla.Weight / weightSum : 1.0 / measured.Count;
            weighted += share * risk;
            factors.Add(new Factor(
                $"SLA {sla.Metric}",
                100 * share * risk,
                $"miss rate {F2(m)} on {sla.Metric} ({sla.Stats.Missed} of {sla.Stats.Measured} periods missed), "
                + $"severity {F2(d)}, SLA risk {F4(risk)} = {F2(m)} x (0.5 + 0.5 x {F2(d)}), weight {F2(sla.Weight)} of {F2(weightSum)}"));
        }

        var score = 100 * weighted;
        var recentMeasured = measured.Sum(s => s.Stats.Last30Measured);
        var earlierMeasured = measured.Sum(s => s.Stats.Previous60Measured);
        if (recentMeasured > 0 && earlierMeasured > 0)
        {
            var recent = (double)measured.Sum(s => s.Stats.Last30Missed) / recentMeasured;
            var earlier = (double)measured.Sum(s => s.Stats.Previous60Missed) / earlierMeasured;
            var trendAddition = (double)settings.TrendAddition;
            if (recent - earlier > (double)settings.TrendThreshold && trendAddition > 0)
            {
                score += trendAddition;
                factors.Add(new Factor(
                    "trend", trendAddition,
                    $"trend +{N(trendAddition)}: last 30 days {F2(recent)} vs {F2(earlier)} in the 60 days before"));
            }
        }

        var distance = locationGrade switch
        {
            LocationGrades.Nearshore => (double)settings.NearshoreAddition,
            LocationGrades.Offshore => (double)settings.OffshoreAddition,
            _ => 0,
        };
        if (distance > 0)
        {
            score += distance;
            var gap = locationGapHours is { } hours
                ? $", {N((double)hours)} h from HQ's time on average (15 January and 15 July {locationGapYear})"
                : "";
            factors.Add(new Factor("distance", distance, $"{locationGrade} delivery site{gap} +{N(distance)}: oversight at a distance is harder"));
        }

        return new ScoreResult(Round2(Math.Min(100, score)), factors, findings);
    }

    /// <summary>
    /// Stale as the SLA service reads it (it owns SLA meaning and publishes the first day an SLA
    /// counts as stale): on or after that day. Never worked out here, so the SLA report and the
    /// scores name the same SLAs.
    /// </summary>
    public static bool IsStale(QualitySla sla, DateOnly evaluationDate) => sla.StaleFrom is { } from && evaluationDate >= from;
}

/// <summary>DOMAIN.md's location grades, as the engagements service names them.</summary>
public static class LocationGrades
{
    public const string Onshore = "onshore";
    public const string Nearshore = "nearshore";
    public const string Offshore = "offshore";
}
