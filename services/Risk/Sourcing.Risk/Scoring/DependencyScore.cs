using Sourcing.Contracts;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Scoring;

/// <summary>
/// One active engagement as the dependency score sees it. <paramref name="Cost"/> is the annual
/// cost in the reporting currency (null when unknown); <paramref name="Source"/> identifies the
/// provider, captive centre or partnership ("provider:{id}"); <paramref name="SourceKind"/> is one
/// of <see cref="SourceKinds"/>.
/// </summary>
public sealed record DependencyEngagement(
    Guid EngagementId,
    string Source,
    string SourceName,
    string SourceKind,
    string Process,
    bool Critical,
    double? Cost,
    string CostDetail,
    DateOnly? ContractEnd,
    int? NoticePeriodDays);

/// <summary>
/// DOMAIN.md's dependency score over a tenant's active engagements: 100 x (0.5 x the source's cost
/// share + 0.5 x the process's HHI), +30 for the only source of a critical process, +10 for a
/// third party with more than 24 months left or more than 180 days' notice; capped at 100.
/// Captive-centre engagements count in the shares but get no score of their own (dependency is
/// reliance on others); partnerships are scored like third parties, without the exit addition.
/// An engagement whose cost is unknown, whoever its source, gets the *no cost recorded* finding.
/// </summary>
public static class DependencyScore
{
    /// <summary>The scores with the tenant's <paramref name="settings"/> (DOMAIN's defaults when null).</summary>
    public static IReadOnlyDictionary<Guid, ScoreResult> Compute(
        IReadOnlyList<DependencyEngagement> engagements, DateOnly evaluationDate, DependencyScoreSettings? settings = null)
    {
        settings ??= new DependencyScoreSettings();
        var singleSourceAddition = (double)settings.SingleSourceAddition;
        var exitAddition = (double)settings.ExitAddition;
        var known = engagements.Where(e => e.Cost is not null).ToList();
        var total = known.Sum(e => e.Cost!.Value);
        var sourceCost = known.GroupBy(e => e.Source).ToDictionary(g => g.Key, g => g.Sum(e => e.Cost!.Value));
        var hhi = known.GroupBy(e => e.Process).ToDictionary(g => g.Key, g => Hhi(g));
        var sourcesPerProcess = engagements.GroupBy(e => e.Process)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Source).Distinct().Count());
        var criticalProcesses = engagements.Where(e => e.Critical).Select(e => e.Process).ToHashSet();

        var results = new Dictionary<Guid, ScoreResult>();
        foreach (var e in engagements)
        {
            // Checked before the source kind: a captive centre without an operating cost is a record
            // to complete, even though its engagements never get a dependency score.
            if (e.Cost is null || (total <= 0 && e.SourceKind != SourceKinds.CaptiveCentre))
            {
                results[e.EngagementId] = ScoreResult.None(new Finding(
                    FindingCodes.NoCostRecorded, $"No cost recorded ({e.CostDetail}): left out of the shares, no dependency score."));
                continue;
            }

            if (e.SourceKind == SourceKinds.CaptiveCentre)
            {
                continue;
            }

            var share = sourceCost[e.Source] / total;
            var processHhi = hhi[e.Process];
            var factors = new List<Factor>
            {
                new("cost share", 50 * share, $"{e.SourceName} costs {F2(sourceCost[e.Source])} of the tenant's {F2(total)} a year: share {F4(share)}, x 0.5 x 100"),
                new("process HHI", 50 * processHhi, $"HHI of the sources' cost shares in {e.Process}: {F4(processHhi)}, x 0.5 x 100"),
            };
            var score = 100 * (0.5 * share + 0.5 * processHhi);
            if (criticalProcesses.Contains(e.Process) && sourcesPerProcess[e.Process] == 1 && singleSourceAddition > 0)
            {
                score += singleSourceAddition;
                factors.Add(new Factor("single source", singleSourceAddition, $"+{N(singleSourceAddition)}: {e.Process} is critical and {e.SourceName} is its only source"));
            }

            if (e.SourceKind == SourceKinds.Provider && exitAddition > 0 && ExitReason(e, evaluationDate, settings) is { } reason)
            {
                score += exitAddition;
                factors.Add(new Factor("exit", exitAddition, $"+{N(exitAddition)}: {reason}"));
            }

            results[e.EngagementId] = new ScoreResult(Round2(Math.Min(100, score)), factors, []);
        }

        return results;
    }

    /// <summary>Sum of the squared cost shares of the sources within one process (0 to 1).</summary>
    public static double Hhi(IEnumerable<DependencyEngagement> process)
    {
        var bySource = process.Where(e => e.Cost is not null).GroupBy(e => e.Source).Select(g => g.Sum(e => e.Cost!.Value)).ToList();
        var total = bySource.Sum();
        return total <= 0 ? 0 : bySource.Sum(c => (c / total) * (c / total));
    }

    /// <summary>
    /// Why leaving is slow: a remaining term over the tenant's months (default 24) or a notice period over its days
    /// (default 180); an open-ended contract has no remaining term, only its notice.
    /// </summary>
    public static string? ExitReason(DependencyEngagement e, DateOnly evaluationDate, DependencyScoreSettings? settings = null)
    {
        settings ??= new DependencyScoreSettings();
        if (e.ContractEnd is { } end && end > evaluationDate.AddMonths(settings.LongRemainingMonths))
        {
            return $"the contract runs to {end:yyyy-MM-dd}, more than {settings.LongRemainingMonths} months away";
        }

        return e.NoticePeriodDays > settings.LongNoticeDays ? $"notice period {e.NoticePeriodDays} days, over {settings.LongNoticeDays}" : null;
    }
}
