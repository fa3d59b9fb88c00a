using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// The contract renewal calendar (<c>GET /api/engagements/renewals</c>): contracts by the month of
/// their notice deadline and of their end, on dates computed by hand; bad input named; one tenant's
/// contracts never in another's calendar.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RenewalCalendarTests(SystemFixture system)
{
    [Fact]
    public async Task Contracts_are_listed_under_the_month_of_their_notice_deadline_and_of_their_end()
    {
        using var t = await NewTenantAsync(system);
        var provider = await CreateIdAsync(t.Api, "api/providers", Provider("Renewal Partners Inc", "PH"));
        var centre = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre("Acme Krakow Sp. z o.o.", "PL"));

        // 2031-03-31 minus 90 days: back 31 (March) to 2031-02-28, 28 (February) to 2031-01-31, 31 (January) to 2030-12-31.
        var annual = await CreateIdAsync(t.Api, "api/engagements", WithContract(Engagement(provider, name: "Annual helpdesk"), "2031-03-31", 90, autoRenewal: true, decision: "renew"));
        // No notice: the deadline is the end, both in January.
        var noNotice = await CreateIdAsync(t.Api, "api/engagements", WithContract(Engagement(provider, name: "Back office"), "2031-01-15", 0));
        // A day's notice across the month boundary: deadline 2031-01-31, end 2031-02-01.
        var centreWork = await CreateIdAsync(t.Api, "api/engagements",
            WithContract(Engagement(captiveCentreId: centre, name: "Centre finance", country: "PL"), "2031-02-01", 1, decision: "exit"));
        // Not in the calendar: terminated; open-ended; both dates after the span.
        var terminated = await CreateIdAsync(t.Api, "api/engagements", WithContract(Engagement(provider, name: "Ended work"), "2031-01-20", 10));
        using (var response = await t.Api.PostAsJsonAsync($"api/engagements/{terminated}/terminate", new { terminatedOn = "2026-12-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await CreateIdAsync(t.Api, "api/engagements", WithContract(Engagement(provider, name: "Open-ended work"), null, 30));
        await CreateIdAsync(t.Api, "api/engagements", WithContract(Engagement(provider, name: "Later work"), "2033-06-30", 60));

        var calendar = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements/renewals?from=2030-12&months=3");
        Assert.Equal("2030-12", calendar.GetProperty("from").GetString());
        Assert.Equal(3, calendar.GetProperty("months").GetInt32());
        var months = calendar.GetProperty("calendar").EnumerateArray().ToList();
        Assert.Equal(["2030-12", "2031-01", "2031-02"], months.Select(m => m.GetProperty("month").GetString()));

        Assert.Equal([(annual, "2030-12-31")], Dates(months[0], "noticeDeadlines", "noticeDeadline"));
        Assert.Empty(Dates(months[0], "contractEnds", "contractEnd"));
        Assert.Equal([(noNotice, "2031-01-15"), (centreWork, "2031-01-31")], Dates(months[1], "noticeDeadlines", "noticeDeadline"));
        Assert.Equal([(noNotice, "2031-01-15")], Dates(months[1], "contractEnds", "contractEnd"));
        Assert.Empty(Dates(months[2], "noticeDeadlines", "noticeDeadline"));
        Assert.Equal([(centreWork, "2031-02-01")], Dates(months[2], "contractEnds", "contractEnd"));

        var a = months[0].GetProperty("noticeDeadlines")[0];
        Assert.Equal("Annual helpdesk", a.GetProperty("engagementName").GetString());
        Assert.Equal(provider, a.GetProperty("providerId").GetGuid());
        Assert.Equal("Renewal Partners Inc", a.GetProperty("providerName").GetString());
        Assert.Equal("2031-03-31", a.GetProperty("contractEnd").GetString());
        Assert.Equal(90, a.GetProperty("noticePeriodDays").GetInt32());
        Assert.True(a.GetProperty("autoRenewal").GetBoolean());
        Assert.Equal("renew", a.GetProperty("renewalDecision").GetString());
        Assert.Equal(1_200_000m, a.GetProperty("annualValue").GetDecimal());
        Assert.Equal("USD", a.GetProperty("currency").GetString());

        var c = months[2].GetProperty("contractEnds")[0];
        Assert.Equal(JsonValueKind.Null, c.GetProperty("providerName").ValueKind);
        Assert.Equal("Acme Krakow Sp. z o.o.", c.GetProperty("captiveCentreName").GetString());
        Assert.Equal("exit", c.GetProperty("renewalDecision").GetString());
        Assert.Equal("undecided", months[1].GetProperty("contractEnds")[0].GetProperty("renewalDecision").GetString());

        // Without parameters: twelve months from this month.
        var standard = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements/renewals");
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), standard.GetProperty("from").GetString());
        Assert.Equal(12, standard.GetProperty("calendar").GetArrayLength());
    }

    [Theory]
    [InlineData("from=2027-13", "from")]
    [InlineData("from=2027-3", "from")]
    [InlineData("from=27-03", "from")]
    [InlineData("from=2027-03-01", "from")]
    [InlineData("from=March", "from")]
    [InlineData("months=0", "months")]
    [InlineData("months=25", "months")]
    [InlineData("months=-1", "months")]
    [InlineData("months=twelve", "months")]
    [InlineData("from=2027-00&months=100", "from", "months")]
    public async Task A_bad_month_or_span_is_refused_naming_the_field(string query, params string[] fields)
    {
        using var t = await NewTenantAsync(system);
        using var response = await t.Api.GetAsync($"api/engagements/renewals?{query}");
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, fields);
    }

    [Fact]
    public async Task Tenant_B_never_sees_tenant_A_contracts_in_its_calendar()
    {
        using var a = await NewTenantAsync(system, "Alpha Renewals Corp");
        using var b = await NewTenantAsync(system, "Beta Renewals Corp", "GB", "GBP", "Europe/London");
        var pa = await CreateIdAsync(a.Api, "api/providers", Provider("Alpha Vendor Inc", "PH"));
        var ea = await CreateIdAsync(a.Api, "api/engagements", WithContract(Engagement(pa, name: "Alpha contract"), "2030-06-30", 30));
        var pb = await CreateIdAsync(b.Api, "api/providers", Provider("Beta Vendor Ltd", "PH"));
        var eb = await CreateIdAsync(b.Api, "api/engagements", WithContract(Engagement(pb, name: "Beta contract"), "2030-06-15", 0));

        const string Url = "api/engagements/renewals?from=2030-05&months=2";
        var seenByA = Engaged(await a.Api.GetFromJsonAsync<JsonElement>(Url));
        var seenByB = Engaged(await b.Api.GetFromJsonAsync<JsonElement>(Url));
        Assert.Equal([ea], seenByA);
        Assert.Equal([eb], seenByB);
    }

    private static Dictionary<string, object?> WithContract(Dictionary<string, object?> engagement, string? end, int notice, bool autoRenewal = false, string? decision = null)
    {
        var contract = Contract(end: end, notice: notice);
        contract["autoRenewal"] = autoRenewal;
        contract["renewalDecision"] = decision;
        engagement["contract"] = contract;
        return engagement;
    }

    private static List<(Guid, string?)> Dates(JsonElement month, string list, string date) =>
        [.. month.GetProperty(list).EnumerateArray().Select(e => (e.GetProperty("engagementId").GetGuid(), e.GetProperty(date).GetString()))];

    private static List<Guid> Engaged(JsonElement calendar) =>
        [.. calendar.GetProperty("calendar").EnumerateArray()
            .SelectMany(m => m.GetProperty("noticeDeadlines").EnumerateArray().Concat(m.GetProperty("contractEnds").EnumerateArray()))
            .Select(e => e.GetProperty("engagementId").GetGuid()).Distinct()];
}
