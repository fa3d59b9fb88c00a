using Sourcing.Contracts;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.WhatIf;

/// <summary>
/// The provider-failure what-if over a tenant's inputs, pure: the failing engagements are the active
/// ones <c>fails</c> selects; costs and dependency scores come from <see cref="TenantScoring"/> and
/// <see cref="DependencyScore"/>, once over the whole portfolio (before) and once over the
/// portfolio without the failing engagements (after), so a what-if scores exactly as the recompute
/// does. A captive centre that keeps some engagements shares its operating cost among those left
/// (DOMAIN.md's rule applied to the smaller portfolio).
/// </summary>
public static class FailureWhatIf
{
    public static FailureWhatIfResponse Compute(TenantInputs inputs, string failure, string subject, string name, Func<Engagement, bool> fails)
    {
        var active = TenantScoring.Active(inputs.Engagements);
        var stopping = active.Where(fails).ToList();
        var stoppingIds = stopping.Select(e => e.Id).ToHashSet();
        var remaining = active.Where(e => !stoppingIds.Contains(e.Id)).ToList();

        var beforeRows = TenantScoring.DependencyRows(inputs, active);
        var afterRows = TenantScoring.DependencyRows(inputs, remaining);
        var settings = inputs.Settings.DependencyScore;
        var before = DependencyScore.Compute(beforeRows, inputs.EvaluationDate, settings);
        var after = DependencyScore.Compute(afterRows, inputs.EvaluationDate, settings);
        var cost = beforeRows.ToDictionary(r => r.EngagementId);
        var slas = inputs.Slas.Where(s => s.Status != SlaStatuses.Retired).GroupBy(s => s.EngagementId).ToDictionary(g => g.Key, g => g.Count());

        var stops = stopping
            .Select(e => new StoppingEngagement(
                e.Id, e.Name, e.SourceKind, e.ProviderId, e.CaptiveCentreId, TenantScoring.SourceName(inputs, e), e.BusinessProcess, e.DeliveryCountry,
                e.Criticality, Money(cost[e.Id].Cost), cost[e.Id].Cost is null ? cost[e.Id].CostDetail : "", e.Headcount, slas.GetValueOrDefault(e.Id)))
            .OrderByDescending(s => s.Criticality == EngagementValues.Critical).ThenByDescending(s => s.AnnualCost ?? -1).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        var criticalProcesses = active.Where(e => e.Criticality == EngagementValues.Critical).Select(e => e.BusinessProcess).ToHashSet();
        var stillDone = remaining.Select(e => e.BusinessProcess).ToHashSet();
        var orphaned = stops.GroupBy(s => s.BusinessProcess).Where(g => !stillDone.Contains(g.Key))
            .Select(g => new ProcessWithoutAlternative(g.Key, criticalProcesses.Contains(g.Key), g.Count(), g.Sum(s => s.AnnualCost ?? 0)))
            .OrderByDescending(p => p.Critical).ThenByDescending(p => p.Spend).ThenBy(p => p.Process, StringComparer.Ordinal)
            .ToList();

        var changes = remaining
            .Select(e => (e, Before: Score(before, e.Id), After: Score(after, e.Id)))
            .Where(x => x.Before is not null || x.After is not null)
            .Select(x => new DependencyChange(
                x.e.Id, x.e.Name, TenantScoring.SourceName(inputs, x.e), x.e.BusinessProcess, x.Before, x.After,
                x.Before is { } b && x.After is { } a ? a - b : null))
            .OrderBy(c => c.Change is null).ThenByDescending(c => Math.Abs(c.Change ?? 0)).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var totals = new StrandedTotals(
            stops.Count,
            stops.Sum(s => s.AnnualCost ?? 0),
            stops.Count(s => s.AnnualCost is null),
            stops.Sum(s => s.Headcount ?? 0),
            stops.Count(s => s.Criticality == EngagementValues.Critical),
            stops.Sum(s => s.Slas));
        return new FailureWhatIfResponse(
            failure, subject, name, inputs.Settings.ReportingCurrency, inputs.EvaluationDate, totals, stops, orphaned, changes);
    }

    private static decimal? Score(IReadOnlyDictionary<Guid, ScoreResult> scores, Guid id) =>
        scores.GetValueOrDefault(id)?.Value is { } v ? (decimal)v : null;

    private static decimal? Money(double? amount) => amount is { } a ? Math.Round((decimal)a, 2) : null;
}
