namespace Sourcing.Risk.Scoring;

/// <summary>
/// A captive centre's annual operating cost shared among its active
/// engagements in proportion to their headcount; equally when any of them has no headcount
/// (a proportion over some engagements only would be made up).
/// </summary>
public static class CaptiveCostAllocation
{
    public static IReadOnlyDictionary<Guid, double> Allocate(double operatingCost, IReadOnlyList<(Guid EngagementId, int? Headcount)> engagements)
    {
        if (engagements.Count == 0)
        {
            return new Dictionary<Guid, double>();
        }

        var byHeadcount = engagements.All(e => e.Headcount > 0);
        var totalHeadcount = byHeadcount ? engagements.Sum(e => e.Headcount!.Value) : 0;
        return engagements.ToDictionary(
            e => e.EngagementId,
            e => byHeadcount ? operatingCost * e.Headcount!.Value / totalHeadcount : operatingCost / engagements.Count);
    }
}
