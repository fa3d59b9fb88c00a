namespace Sourcing.Risk.Scoring;

/// <summary>One foreign country's share (percent) of the cost of the critical and important engagements.</summary>
public sealed record CountryShareFigure(string Country, double SharePercent, bool AboveThreshold);

/// <summary>
/// DOMAIN.md's country concentration, the one implementation the alert and the portfolio use: the
/// share of the cost of critical and important active engagements (with a known cost) in each
/// foreign country, largest first, and whether it exceeds the tenant's threshold.
/// </summary>
public static class CountryConcentration
{
    public static IReadOnlyList<CountryShareFigure> Compute(
        IEnumerable<(string Country, bool CriticalOrImportant, double? Cost)> active, string hqCountry, double thresholdPercent)
    {
        var relevant = active.Where(e => e.CriticalOrImportant && e.Cost is not null).ToList();
        var total = relevant.Sum(e => e.Cost!.Value);
        if (total <= 0)
        {
            return [];
        }

        return [.. relevant
            .Where(e => e.Country != hqCountry)
            .GroupBy(e => e.Country)
            .Select(g => 100 * g.Sum(e => e.Cost!.Value) / total is var share ? new CountryShareFigure(g.Key, share, share > thresholdPercent) : null!)
            .OrderByDescending(c => c.SharePercent)
            .ThenBy(c => c.Country, StringComparer.Ordinal)];
    }
}
