using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>
/// Fourth parties through the API: the portfolio's shared fourth parties with their shares and the
/// engagements behind them, one provider's chains, bad input, no token, and tenant isolation both ways.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FourthPartyTests(SystemFixture system)
{
    private const string Date = "2026-06-30";

    /// <summary>
    /// Three primes, Host X and a sub-processor. Active on the date: e1, e2, e3 (critical) and e4
    /// (important); a planned engagement whose chain also holds Host X does not count.
    /// </summary>
    private sealed record Portfolio(Guid Prime1, Guid Prime2, Guid HostX, Guid SubProc, Guid E1, Guid E2, Guid E3, Guid E4, Guid Planned);

    private static async Task<Portfolio> CreatePortfolioAsync(HttpClient api, string hostName = "Host X Cloud SE")
    {
        var prime1 = await CreateIdAsync(api, "api/providers", ProviderWith("Prime One GmbH", "DE", null));
        var prime2 = await CreateIdAsync(api, "api/providers", ProviderWith("Prime Two Ltd", "GB", null));
        var prime3 = await CreateIdAsync(api, "api/providers", ProviderWith("Prime Three SA", "FR", null));
        var host = await CreateIdAsync(api, "api/providers", ProviderWith(hostName, "IE", HostLei));
        var sub = await CreateIdAsync(api, "api/providers", ProviderWith("SubProc Data Ltd", "GB", SubLei));

        async Task<Guid> EngagementAsync(Guid provider, string name, string criticality, string status = "active")
        {
            var body = Engagement(provider, name: name, country: "DE");
            body["criticality"] = criticality;
            body["status"] = status;
            return await CreateIdAsync(api, "api/engagements", body);
        }

        var e1 = await EngagementAsync(prime1, "E1 payments", "critical");
        var e2 = await EngagementAsync(prime2, "E2 core banking", "critical");
        var e3 = await EngagementAsync(prime3, "E3 cards", "critical");
        var e4 = await EngagementAsync(prime1, "E4 lending", "important");
        var planned = await EngagementAsync(prime3, "E5 planned", "critical", "planned");
        await PutOkAsync(api, $"api/registers/engagements/{e1}", new { chain = new object[] { new { providerId = host, rank = 2 } } });
        await PutOkAsync(api, $"api/registers/engagements/{e2}", new { chain = new object[] { new { providerId = sub, rank = 2 }, new { providerId = host, rank = 3, recipientProviderId = sub } } });
        await PutOkAsync(api, $"api/registers/engagements/{e4}", new { chain = new object[] { new { providerId = host, rank = 2 } } });
        await PutOkAsync(api, $"api/registers/engagements/{planned}", new { chain = new object[] { new { providerId = host, rank = 2 } } });
        return new Portfolio(prime1, prime2, host, sub, e1, e2, e3, e4, planned);
    }

    private static async Task<JsonElement> GetOkAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_portfolio_shows_the_share_of_critical_and_of_all_active_engagements_that_depend_on_each_fourth_party()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var p = await CreatePortfolioAsync(t.Api);

        var portfolio = await GetOkAsync(t.Api, $"api/fourth-parties?date={Date}");

        // 4 active engagements (the planned one is not), 3 of them critical.
        // Host X under e1, e2 (rank 3) and e4: 3 / 4 = 75 %; critical e1 and e2: 2 / 3 = 66.7 %.
        // SubProc under e2 only: 1 / 4 = 25 %; critical 1 / 3 = 33.3 %.
        Assert.Equal(Date, portfolio.GetProperty("date").GetString());
        Assert.Equal(4, portfolio.GetProperty("activeEngagements").GetInt32());
        Assert.Equal(3, portfolio.GetProperty("activeCriticalEngagements").GetInt32());
        var parties = portfolio.GetProperty("fourthParties").EnumerateArray().ToList();
        Assert.Equal([p.HostX, p.SubProc], parties.Select(f => f.GetProperty("providerId").GetGuid()));

        var host = parties[0];
        Assert.Equal("Host X Cloud SE", host.GetProperty("legalName").GetString());
        Assert.Equal("IE", host.GetProperty("hqCountry").GetString());
        Assert.Equal(HostLei, host.GetProperty("lei").GetString());
        Assert.Equal([2, 3], host.GetProperty("ranks").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal(3, host.GetProperty("engagementCount").GetInt32());
        Assert.Equal(75.0m, host.GetProperty("sharePercent").GetDecimal());
        Assert.Equal(2, host.GetProperty("criticalEngagementCount").GetInt32());
        Assert.Equal(66.7m, host.GetProperty("criticalSharePercent").GetDecimal());
        var behind = host.GetProperty("engagements").EnumerateArray().ToList();
        Assert.Equal([p.E1, p.E2, p.E4], behind.Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(["critical", "critical", "important"], behind.Select(e => e.GetProperty("criticality").GetString()));
        Assert.Equal("Prime Two Ltd", behind[1].GetProperty("sourceName").GetString());
        Assert.Equal(p.Prime2, behind[1].GetProperty("providerId").GetGuid());

        var sub = parties[1];
        Assert.Equal((1, 25.0m, 1, 33.3m), (
            sub.GetProperty("engagementCount").GetInt32(), sub.GetProperty("sharePercent").GetDecimal(),
            sub.GetProperty("criticalEngagementCount").GetInt32(), sub.GetProperty("criticalSharePercent").GetDecimal()));

        // Before every contract started, nothing is active and nothing is shared.
        var before = await GetOkAsync(t.Api, "api/fourth-parties?date=2025-06-30");
        Assert.Equal(0, before.GetProperty("activeEngagements").GetInt32());
        Assert.Empty(before.GetProperty("fourthParties").EnumerateArray());

        // Every member role reads it.
        using var viewer = AsRole(system, t.TenantId, "viewer");
        var seen = await GetOkAsync(viewer, $"api/fourth-parties?date={Date}");
        Assert.Equal(2, seen.GetProperty("fourthParties").GetArrayLength());
    }

    [Fact]
    public async Task A_provider_shows_the_chains_under_it_and_those_it_is_a_fourth_party_in()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var p = await CreatePortfolioAsync(t.Api);

        var prime2 = await GetOkAsync(t.Api, $"api/providers/{p.Prime2}/fourth-parties?date={Date}");
        Assert.Equal("Prime Two Ltd", prime2.GetProperty("legalName").GetString());
        var chain = Assert.Single(prime2.GetProperty("chains").EnumerateArray());
        Assert.Equal(p.E2, chain.GetProperty("engagementId").GetGuid());
        Assert.Equal(
            [("SubProc Data Ltd", 2, "Prime Two Ltd"), ("Host X Cloud SE", 3, "SubProc Data Ltd")],
            chain.GetProperty("subcontractors").EnumerateArray().Select(s => (s.GetProperty("legalName").GetString(), s.GetProperty("rank").GetInt32(), s.GetProperty("recipientName").GetString())));
        Assert.Empty(prime2.GetProperty("asFourthParty").EnumerateArray());

        var host = await GetOkAsync(t.Api, $"api/providers/{p.HostX}/fourth-parties?date={Date}");
        Assert.Empty(host.GetProperty("chains").EnumerateArray());
        var roles = host.GetProperty("asFourthParty").EnumerateArray().ToList();
        Assert.Equal([p.E1, p.E2, p.E4], roles.Select(r => r.GetProperty("engagementId").GetGuid()));
        var inE2 = Assert.Single(roles[1].GetProperty("positions").EnumerateArray());
        Assert.Equal((3, p.SubProc, "SubProc Data Ltd"), (inE2.GetProperty("rank").GetInt32(), inE2.GetProperty("recipientProviderId").GetGuid(), inE2.GetProperty("recipientName").GetString()));

        // Without a date: today's, on which every contract (2026-01-01 to 2028-12-31) runs too.
        var today = await GetOkAsync(t.Api, $"api/providers/{p.Prime1}/fourth-parties");
        Assert.Equal(2, today.GetProperty("chains").GetArrayLength());
    }

    [Fact]
    public async Task Bad_dates_and_unknown_parameters_are_a_400_naming_the_field_and_no_token_is_a_401()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var provider = await CreateIdAsync(t.Api, "api/providers", ProviderWith("Prime One GmbH", "DE", null));
        foreach (var (url, field) in new[]
                 {
                     ("api/fourth-parties?date=2026-13-01", "date"),
                     ("api/fourth-parties?date=30.06.2026", "date"),
                     ("api/fourth-parties?on=2026-06-30", "on"),
                     ($"api/providers/{provider}/fourth-parties?date=tomorrow", "date"),
                 })
        {
            using var response = await t.Api.GetAsync(url);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{url}: the 400 does not name {field}: {problem}");
        }

        using var anonymous = SourcingClient.Api(Url(system), null);
        using var portfolio = await anonymous.GetAsync("api/fourth-parties");
        Assert.Equal(HttpStatusCode.Unauthorized, portfolio.StatusCode);
        using var one = await anonymous.GetAsync($"api/providers/{provider}/fourth-parties");
        Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
    }

    [Fact]
    public async Task Each_tenant_sees_only_its_own_fourth_parties_and_another_tenants_provider_is_a_404()
    {
        using var a = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        using var b = await NewTenantAsync(system, "Beta Bank AG", "DE", "EUR", "Europe/Berlin");
        var pa = await CreatePortfolioAsync(a.Api);

        // B has nothing yet: none of A's fourth parties shows.
        var empty = await GetOkAsync(b.Api, $"api/fourth-parties?date={Date}");
        Assert.Equal(0, empty.GetProperty("activeEngagements").GetInt32());
        Assert.Empty(empty.GetProperty("fourthParties").EnumerateArray());

        var pb = await CreatePortfolioAsync(b.Api, "Beta Host Cloud SE");
        var seenByB = await GetOkAsync(b.Api, $"api/fourth-parties?date={Date}");
        Assert.Equal([pb.HostX, pb.SubProc], seenByB.GetProperty("fourthParties").EnumerateArray().Select(f => f.GetProperty("providerId").GetGuid()));
        var seenByA = await GetOkAsync(a.Api, $"api/fourth-parties?date={Date}");
        Assert.Equal([pa.HostX, pa.SubProc], seenByA.GetProperty("fourthParties").EnumerateArray().Select(f => f.GetProperty("providerId").GetGuid()));
        Assert.DoesNotContain("Beta Host", seenByA.GetRawText(), StringComparison.Ordinal);

        foreach (var (api, foreign) in new[] { (b.Api, pa.HostX), (b.Api, pa.Prime1), (a.Api, pb.HostX), (a.Api, Guid.NewGuid()) })
        {
            using var response = await api.GetAsync($"api/providers/{foreign}/fourth-parties?date={Date}");
            await ProblemAsync(response, HttpStatusCode.NotFound);
        }
    }
}
