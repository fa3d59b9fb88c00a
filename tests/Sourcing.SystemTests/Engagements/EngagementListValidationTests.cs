using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Lists refuse what they do not know (400 naming it), sort nulls last, and page findings and audit trails.</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementListValidationTests(SystemFixture system)
{
    [Fact]
    public async Task An_unknown_filter_sort_or_value_is_400_naming_it_not_silently_ignored()
    {
        using var t = await NewTenantAsync(system);
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/engagements?contractEndBefore=2027-01-01"), HttpStatusCode.BadRequest, "contractEndBefore");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/engagements?sort=riskiest"), HttpStatusCode.BadRequest, "sort");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/engagements?country=XX&status=open"), HttpStatusCode.BadRequest, "country", "status");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/engagements/totals?process=gardening"), HttpStatusCode.BadRequest, "process");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/exports/engagements?kind=vendor"), HttpStatusCode.BadRequest, "kind");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/findings?check=everything"), HttpStatusCode.BadRequest, "check");
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/providers?colour=blue"), HttpStatusCode.BadRequest, "colour");

        // What the lists know still works, in any letter case of the parameter name.
        using var ok = await t.Api.GetAsync("api/engagements?Sort=-contractEnd&pageSize=5&country=PH");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Engagements_without_a_contract_value_or_end_sort_last_both_ways()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var small = Engagement(providerId, name: "Small");
        ((Dictionary<string, object?>)small["contract"]!)["annualValue"] = 100m;
        ((Dictionary<string, object?>)small["contract"]!)["end"] = "2027-01-31";
        await CreateIdAsync(t.Api, "api/engagements", small);
        var large = Engagement(providerId, name: "Large");
        ((Dictionary<string, object?>)large["contract"]!)["annualValue"] = 900m;
        ((Dictionary<string, object?>)large["contract"]!)["end"] = "2029-01-31";
        await CreateIdAsync(t.Api, "api/engagements", large);
        var none = Engagement(providerId, name: "Aardvark without contract");
        none["contract"] = null;
        await CreateIdAsync(t.Api, "api/engagements", none);

        async Task<List<string>> Names(string sort) =>
            [.. Items(await t.Api.GetFromJsonAsync<JsonElement>($"api/engagements?sort={sort}")).Select(e => e.GetProperty("name").GetString()!)];

        Assert.Equal(["Small", "Large", "Aardvark without contract"], await Names("annualValue"));
        Assert.Equal(["Large", "Small", "Aardvark without contract"], await Names("-annualValue"));
        Assert.Equal(["Small", "Large", "Aardvark without contract"], await Names("contractEnd"));
        Assert.Equal(["Large", "Small", "Aardvark without contract"], await Names("-contractEnd"));
    }

    [Fact]
    public async Task Findings_and_audit_trails_are_paged_like_the_other_lists()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        // Legal work abroad is not advisable to offshore: a finding on each engagement.
        var one = Engagement(providerId, name: "One");
        one["businessProcess"] = "legal";
        var id = await CreateIdAsync(t.Api, "api/engagements", one);
        var two = Engagement(providerId, name: "Two");
        two["businessProcess"] = "legal";
        await CreateIdAsync(t.Api, "api/engagements", two);
        for (var headcount = 81; headcount <= 83; headcount++)
        {
            var (body, etag) = await GetAsync(t.Api, $"api/engagements/{id}");
            var change = JsonSerializer.Deserialize<Dictionary<string, object?>>(body.GetRawText())!;
            change["headcount"] = headcount;
            using var put = await PutAsync(t.Api, $"api/engagements/{id}", change, etag);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var trail = await t.Api.GetFromJsonAsync<JsonElement>($"api/engagements/{id}/audit?pageSize=2");
        Assert.Equal(2, trail.GetProperty("items").GetArrayLength());
        Assert.Equal(4, trail.GetProperty("totalCount").GetInt32());
        Assert.Equal("83", trail.GetProperty("items")[0].GetProperty("newValue").GetString());

        var all = await t.Api.GetFromJsonAsync<JsonElement>("api/findings");
        var total = all.GetProperty("totalCount").GetInt32();
        Assert.True(total >= 2, all.ToString());
        var second = await t.Api.GetFromJsonAsync<JsonElement>("api/findings?pageSize=1&page=2");
        Assert.Single(Items(second).ToList());
        Assert.Equal(total, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(Items(all).ElementAt(1).ToString(), Items(second).Single().ToString());
    }
}
