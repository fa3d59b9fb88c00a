using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.FourthParties;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Registers;

namespace Sourcing.Engagements.Tests;

/// <summary>The shared-fourth-party figures on a portfolio computed by hand.</summary>
public sealed class FourthPartyExposureTests
{
    private static readonly Provider Direct = P("Direct Services GmbH", "DE");
    private static readonly Provider HostX = P("Host X Cloud SE", "IE");
    private static readonly Provider SubProc = P("SubProc Data Ltd", "GB");

    private static readonly Dictionary<Guid, Provider> Providers = new[] { Direct, HostX, SubProc }.ToDictionary(p => p.Id);

    private static Provider P(string name, string country) => new() { Id = Guid.NewGuid(), LegalName = name, HqCountry = country };

    private static ChainedEngagement E(string name, string criticality, params ChainLink[] chain) =>
        new(Guid.NewGuid(), name, Direct.Id, null, Direct.LegalName, criticality, chain);

    private static ChainLink L(Provider p, int rank, Provider? recipient = null) => new() { ProviderId = p.Id, Rank = rank, RecipientProviderId = recipient?.Id };

    [Fact]
    public void Host_X_under_three_of_five_critical_engagements_and_one_other_is_60_percent_of_critical_and_50_percent_of_all()
    {
        // 8 active engagements, 5 of them critical.
        // Host X: under critical c1 (rank 2), c2 (rank 3, serving SubProc, and rank 2 again: counted once),
        // c3 (rank 2), and the important i1 (rank 2): 4 engagements, 3 of them critical.
        //   critical share = 3 / 5 = 60 %; share = 4 / 8 = 50 %.
        // SubProc: under c2 (rank 2) and s1 (rank 2): 2 engagements, 1 critical.
        //   critical share = 1 / 5 = 20 %; share = 2 / 8 = 25 %.
        // A link naming the engagement's own provider (c4) is not a fourth party.
        List<ChainedEngagement> active =
        [
            E("c1", Criticalities.Critical, L(HostX, 2)),
            E("c2", Criticalities.Critical, L(SubProc, 2), L(HostX, 3, SubProc), L(HostX, 2)),
            E("c3", Criticalities.Critical, L(HostX, 2)),
            E("c4", Criticalities.Critical, L(Direct, 2)),
            E("c5", Criticalities.Critical),
            E("i1", Criticalities.Important, L(HostX, 2)),
            E("s1", Criticalities.Standard, L(SubProc, 2)),
            E("s2", Criticalities.Standard),
        ];

        var shared = FourthPartyExposure.Shared(active, Providers);

        Assert.Equal([HostX.Id, SubProc.Id], shared.Select(f => f.ProviderId));
        var host = shared[0];
        Assert.Equal(4, host.EngagementCount);
        Assert.Equal(50.0m, host.SharePercent);
        Assert.Equal(3, host.CriticalEngagementCount);
        Assert.Equal(60.0m, host.CriticalSharePercent);
        Assert.Equal([2, 3], host.Ranks);
        Assert.Equal("IE", host.HqCountry);
        Assert.Equal(["c1", "c2", "c3", "i1"], host.Engagements.Select(e => e.Name));
        Assert.Equal([2, 3], host.Engagements.Single(e => e.Name == "c2").Ranks);

        var sub = shared[1];
        Assert.Equal((2, 25.0m, 1, 20.0m), (sub.EngagementCount, sub.SharePercent, sub.CriticalEngagementCount, sub.CriticalSharePercent));
    }

    [Fact]
    public void Without_critical_engagements_the_critical_share_is_null_and_the_total_share_sorts()
    {
        // 3 active engagements, none critical: SubProc under 2 (66.7 %), Host X under 1 (33.3 %).
        List<ChainedEngagement> active =
        [
            E("a", Criticalities.Standard, L(HostX, 2), L(SubProc, 3, HostX)),
            E("b", Criticalities.Important, L(SubProc, 2)),
            E("c", Criticalities.Standard),
        ];

        var shared = FourthPartyExposure.Shared(active, Providers);

        Assert.Equal([(SubProc.Id, 66.7m), (HostX.Id, 33.3m)], shared.Select(f => (f.ProviderId, f.SharePercent)));
        Assert.All(shared, f => Assert.Null(f.CriticalSharePercent));
    }

    [Fact]
    public void A_provider_sees_the_chains_under_it_and_those_it_is_a_fourth_party_in()
    {
        var other = P("Other Prime Ltd", "FR");
        var providers = new Dictionary<Guid, Provider>(Providers) { [other.Id] = other };
        var mine = E("mine", Criticalities.Critical, L(HostX, 2), L(SubProc, 3, HostX));
        var theirs = new ChainedEngagement(Guid.NewGuid(), "theirs", other.Id, null, other.LegalName, Criticalities.Important, [L(Direct, 2), L(SubProc, 3, Direct)]);

        var (chains, roles) = FourthPartyExposure.ForProvider(Direct.Id, [mine, theirs], providers);

        var chain = Assert.Single(chains);
        Assert.Equal("mine", chain.EngagementName);
        Assert.Equal([("Host X Cloud SE", 2, "Direct Services GmbH"), ("SubProc Data Ltd", 3, "Host X Cloud SE")], chain.Subcontractors.Select(s => (s.LegalName, s.Rank, s.RecipientName)));
        var role = Assert.Single(roles);
        Assert.Equal(("theirs", "Other Prime Ltd"), (role.EngagementName, role.SourceName));
        Assert.Equal([(2, "Other Prime Ltd")], role.Positions.Select(p => (p.Rank, p.RecipientName)));
    }

    [Theory]
    [InlineData("active", null, null, null, true)] // active, no contract dates
    [InlineData("planned", "2026-01-01", null, null, false)] // planned is not active, whatever its contract
    [InlineData("active", "2026-07-01", null, null, false)] // the contract has not started
    [InlineData("active", "2026-01-01", "2026-06-29", null, false)] // ... or has ended
    [InlineData("terminated", "2026-01-01", null, "2026-07-01", true)] // terminated after the date
    [InlineData("terminated", "2026-01-01", null, "2026-06-30", false)] // ... on it
    public void Active_on_30_June_2026(string status, string? start, string? end, string? terminatedOn, bool active)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var e = new Engagement { Status = status, ContractStart = D(start), ContractEnd = D(end), TerminatedOn = D(terminatedOn) };
        Assert.Equal(active, FourthPartyExposure.ActiveOn(e, new DateOnly(2026, 6, 30)));
    }
}
