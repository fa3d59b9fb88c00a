using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Registers;

namespace Sourcing.Engagements.FourthParties;

/// <summary>An engagement with what the fourth-party views read about it: its source's name, criticality and subcontracting chain.</summary>
public sealed record ChainedEngagement(Guid Id, string Name, Guid? ProviderId, Guid? CaptiveCentreId, string SourceName, string Criticality, IReadOnlyList<ChainLink> Chain);

/// <summary>
/// The portfolio's shared fourth parties and one provider's place in the chains, computed from the
/// engagements' subcontracting chains (the register facts that fill B_05.02). Pure: the caller
/// loads the engagements active on the date and the tenant's providers.
/// </summary>
public static class FourthPartyExposure
{
    /// <summary>
    /// Active on the date: not planned, and in force on it by the registers' rule (not terminated on
    /// or before it; a contract that has started and not ended, or without contract dates, status active).
    /// </summary>
    public static bool ActiveOn(Engagement e, DateOnly date) =>
        e.Status != EngagementStatuses.Planned && RegisterData.InForce(e, date);

    /// <summary>
    /// Every provider found at rank 2 or more in at least one chain, with the number and share of the
    /// active engagements that depend on it, and the same among the critical ones. An engagement counts
    /// once per fourth party however many times that party appears in its chain; a link naming the
    /// engagement's own provider is not a fourth party and is skipped. Sorted by critical share, then
    /// total share (both descending), then name.
    /// </summary>
    public static List<SharedFourthParty> Shared(IReadOnlyList<ChainedEngagement> active, IReadOnlyDictionary<Guid, Provider> providers)
    {
        var total = active.Count;
        var critical = active.Count(e => e.Criticality == Criticalities.Critical);
        var result = new List<SharedFourthParty>();
        foreach (var group in active
            .SelectMany(e => FourthPartyLinks(e, providers).Select(l => (Engagement: e, Link: l)))
            .GroupBy(x => x.Link.ProviderId))
        {
            var provider = providers[group.Key];
            var behind = group.GroupBy(x => x.Engagement.Id)
                .Select(g =>
                {
                    var e = g.First().Engagement;
                    return new DependentEngagement(e.Id, e.Name, e.ProviderId, e.CaptiveCentreId, e.SourceName, e.Criticality, Ranks(g.Select(x => x.Link)));
                })
                .OrderBy(e => CriticalityOrder(e.Criticality)).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)
                .ToList();
            var criticalCount = behind.Count(e => e.Criticality == Criticalities.Critical);
            result.Add(new SharedFourthParty(
                provider.Id,
                provider.LegalName,
                provider.HqCountry,
                provider.Lei,
                Ranks(group.Select(x => x.Link)),
                behind.Count,
                Percent(behind.Count, total),
                criticalCount,
                critical == 0 ? null : Percent(criticalCount, critical),
                behind));
        }

        return [.. result
            .OrderByDescending(f => f.CriticalSharePercent ?? 0m)
            .ThenByDescending(f => f.SharePercent)
            .ThenBy(f => f.LegalName, StringComparer.Ordinal)
            .ThenBy(f => f.ProviderId)];
    }

    /// <summary>The chains under one provider (its engagements' subcontractors) and the chains it is itself a fourth party in.</summary>
    public static (List<ProviderChain> Chains, List<FourthPartyRole> AsFourthParty) ForProvider(
        Guid providerId, IReadOnlyList<ChainedEngagement> active, IReadOnlyDictionary<Guid, Provider> providers)
    {
        var chains = active.Where(e => e.ProviderId == providerId)
            .OrderBy(e => CriticalityOrder(e.Criticality)).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)
            .Select(e => new ProviderChain(e.Id, e.Name, e.Criticality, [.. FourthPartyLinks(e, providers).Select(l => Member(e, l, providers))]))
            .ToList();
        var roles = active
            .Select(e => (Engagement: e, Links: FourthPartyLinks(e, providers).Where(l => l.ProviderId == providerId).ToList()))
            .Where(x => x.Links.Count > 0)
            .OrderBy(x => CriticalityOrder(x.Engagement.Criticality)).ThenBy(x => x.Engagement.Name, StringComparer.Ordinal).ThenBy(x => x.Engagement.Id)
            .Select(x => new FourthPartyRole(
                x.Engagement.Id, x.Engagement.Name, x.Engagement.Criticality, x.Engagement.ProviderId, x.Engagement.CaptiveCentreId, x.Engagement.SourceName,
                [.. x.Links.Select(l => new ChainPosition(l.Rank, l.RecipientProviderId, RecipientName(x.Engagement, l, providers)))]))
            .ToList();
        return (chains, roles);
    }

    /// <summary>A share in percent with one decimal (3 of 5 = 60.0); 0 when there is nothing to share.</summary>
    public static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static IEnumerable<ChainLink> FourthPartyLinks(ChainedEngagement e, IReadOnlyDictionary<Guid, Provider> providers) =>
        e.Chain.Where(l => l.ProviderId != e.ProviderId && providers.ContainsKey(l.ProviderId)).OrderBy(l => l.Rank);

    private static ChainMember Member(ChainedEngagement e, ChainLink l, IReadOnlyDictionary<Guid, Provider> providers)
    {
        var p = providers[l.ProviderId];
        return new ChainMember(p.Id, p.LegalName, p.HqCountry, p.Lei, l.Rank, l.RecipientProviderId, RecipientName(e, l, providers));
    }

    private static string RecipientName(ChainedEngagement e, ChainLink l, IReadOnlyDictionary<Guid, Provider> providers) =>
        l.RecipientProviderId is { } r ? providers.GetValueOrDefault(r)?.LegalName ?? "a provider" : e.SourceName;

    private static List<int> Ranks(IEnumerable<ChainLink> links) => [.. links.Select(l => l.Rank).Distinct().Order()];

    private static int CriticalityOrder(string criticality) => criticality switch
    {
        Criticalities.Critical => 0,
        Criticalities.Important => 1,
        _ => 2,
    };
}
