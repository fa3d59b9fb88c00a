using System.Net.Http.Json;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Lists filter, sort and page; totals count by classification, country and process.</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementListTests(SystemFixture system)
{
    [Fact]
    public async Task Lists_filter_sort_and_page_and_totals_add_up()
    {
        using var t = await NewTenantAsync(system);
        var manila = await CreateIdAsync(t.Api, "api/providers", Provider("Manila Contact BPO Inc", "PH"));
        var chicagoBody = Provider("Chicago Payroll Partners LLC", "US");
        chicagoBody["deliveryCountries"] = new[] { "US", "PH" };
        var chicago = await CreateIdAsync(t.Api, "api/providers", chicagoBody);
        var centre = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre());

        var owner = Guid.NewGuid();
        var a = Engagement(manila, name: "Alpha helpdesk");
        a["ownerUserId"] = owner;
        a["criticality"] = "critical";
        await CreateIdAsync(t.Api, "api/engagements", a);
        var b = Engagement(manila, name: "Bravo data entry");
        b["businessProcess"] = "data-entry";
        b["scope"] = "task";
        b["status"] = "planned";
        b["criticality"] = "standard";
        await CreateIdAsync(t.Api, "api/engagements", b);
        var c = Engagement(chicago, name: "Charlie payroll", country: "US");
        c["businessProcess"] = "hr-payroll";
        c["deliveryTimeZone"] = "America/Chicago";
        c["deliverySite"] = "Chicago Loop";
        await CreateIdAsync(t.Api, "api/engagements", c);
        var d = Engagement(captiveCentreId: centre, name: "Delta finance centre", country: "PL");
        d["businessProcess"] = "accounting";
        await CreateIdAsync(t.Api, "api/engagements", d);

        async Task<List<string>> Names(string query)
        {
            var page = await t.Api.GetFromJsonAsync<JsonElement>($"api/engagements?{query}");
            return [.. Items(page).Select(e => e.GetProperty("name").GetString()!)];
        }

        Assert.Equal(["Alpha helpdesk", "Bravo data entry", "Charlie payroll", "Delta finance centre"], await Names(""));
        Assert.Equal(["Delta finance centre", "Charlie payroll", "Bravo data entry", "Alpha helpdesk"], await Names("sort=-name"));
        Assert.Equal(["Alpha helpdesk", "Bravo data entry"], await Names("country=PH"));
        Assert.Equal(["Bravo data entry"], await Names("process=data-entry"));
        Assert.Equal(["Delta finance centre"], await Names("kind=captive-centre"));
        Assert.Equal(["Charlie payroll"], await Names("classification=bpo-outsourcing"));
        Assert.Equal(["Bravo data entry"], await Names("classification=offshore-outsourcing"));
        Assert.Equal(["Alpha helpdesk", "Bravo data entry"], await Names($"providerId={manila}"));
        Assert.Equal(["Alpha helpdesk"], await Names("criticality=critical"));
        Assert.Equal(["Bravo data entry"], await Names("status=planned"));
        Assert.Equal(["Alpha helpdesk"], await Names($"owner={owner}"));
        Assert.Equal(["Charlie payroll"], await Names("q=loop"));
        Assert.Equal(["Alpha helpdesk", "Bravo data entry"], await Names("locationGrade=offshore&country=PH"));
        Assert.Equal(["Alpha helpdesk", "Charlie payroll", "Delta finance centre", "Bravo data entry"], await Names("sort=criticality"));

        var second = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements?page=2&pageSize=3");
        Assert.Equal(4, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, second.GetProperty("totalPages").GetInt32());
        Assert.Equal(["Delta finance centre"], Items(second).Select(e => e.GetProperty("name").GetString()));

        // The count comes with the page in one statement; a page past the end still reports it.
        var beyond = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements?page=5&pageSize=3&country=PH");
        Assert.Empty(Items(beyond));
        Assert.Equal(2, beyond.GetProperty("totalCount").GetInt32());
        var none = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements?country=DE");
        Assert.Empty(Items(none));
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());

        var totals = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements/totals");
        Assert.Equal(4, totals.GetProperty("count").GetInt32());
        static Dictionary<string, int> Rows(JsonElement rows) =>
            rows.EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(
            new Dictionary<string, int> { ["offshore-bpo-outsourcing"] = 1, ["offshore-outsourcing"] = 1, ["bpo-outsourcing"] = 1, ["offshoring-captive-centre"] = 1 },
            Rows(totals.GetProperty("byClassification")));
        Assert.Equal(new Dictionary<string, int> { ["PH"] = 2, ["US"] = 1, ["PL"] = 1 }, Rows(totals.GetProperty("byCountry")));
        Assert.Equal(4, Rows(totals.GetProperty("byProcess")).Count);
        Assert.Equal("Philippines", totals.GetProperty("byCountry")[0].GetProperty("label").GetString());
        var filtered = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements/totals?country=PH");
        Assert.Equal(2, filtered.GetProperty("count").GetInt32());

        // Providers: a delivery country matches as well as the HQ.
        var philippine = await t.Api.GetFromJsonAsync<JsonElement>("api/providers?country=PH");
        Assert.Equal(2, philippine.GetProperty("totalCount").GetInt32());
        var searched = await t.Api.GetFromJsonAsync<JsonElement>("api/providers?q=payroll");
        Assert.Equal(["Chicago Payroll Partners LLC"], Items(searched).Select(p => p.GetProperty("legalName").GetString()));
    }
}
