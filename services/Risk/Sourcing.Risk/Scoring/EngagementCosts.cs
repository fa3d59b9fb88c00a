using Sourcing.Contracts;
using Sourcing.Risk.ReadModel;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Scoring;

/// <summary>
/// One active engagement's annual cost in the currency it is paid in, before any conversion:
/// <paramref name="Amount"/> and <paramref name="Currency"/> are null when the cost is unknown, and
/// <paramref name="What"/> then says why ("the contract has no annual value and currency").
/// </summary>
public sealed record NativeCost(double? Amount, string? Currency, string What);

/// <summary>
/// DOMAIN.md's cost rules, the one implementation the dependency score and the currency exposure
/// share: a third party's or partnership's cost is its contract's annual value in the contract's
/// currency; a captive centre's engagements share the centre's annual operating cost (in the
/// centre's currency, else its country's) in proportion to their headcount.
/// </summary>
public static class EngagementCosts
{
    public static Dictionary<Guid, NativeCost> Native(IReadOnlyList<Engagement> active, IReadOnlyDictionary<Guid, CaptiveCentre> centres)
    {
        var result = new Dictionary<Guid, NativeCost>();
        foreach (var e in active.Where(e => e.SourceKind != SourceKinds.CaptiveCentre))
        {
            result[e.Id] = e.Contract?.AnnualValue is { } value && e.Contract.Currency is { } currency
                ? new NativeCost((double)value, currency, "annual value")
                : new NativeCost(null, null, "the contract has no annual value and currency");
        }

        foreach (var group in active.Where(e => e.SourceKind == SourceKinds.CaptiveCentre).GroupBy(e => e.CaptiveCentreId))
        {
            var centre = group.Key is { } id ? centres.GetValueOrDefault(id) : null;
            if (centre?.AnnualOperatingCost is not { } cost)
            {
                foreach (var e in group)
                {
                    result[e.Id] = new NativeCost(null, null, "the centre has no annual operating cost");
                }

                continue;
            }

            var currency = centre.Currency ?? IsoCodes.CurrencyOf(centre.Country) ?? "";
            var shares = CaptiveCostAllocation.Allocate((double)cost, [.. group.Select(e => (e.Id, e.Headcount))]);
            foreach (var e in group)
            {
                result[e.Id] = new NativeCost(shares[e.Id], currency, $"share of {centre.LegalEntity}'s operating cost");
            }
        }

        return result;
    }
}
