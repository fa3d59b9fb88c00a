using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.ServiceDefaults.Validation;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// The bounds the OpenAPI documents state for every field are enforced at the edge (InputLimits):
/// a longer string, a longer array or a longer query value, and a number sent as a string, answer
/// 400 naming the field and the rule, and write nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class InputLimitsTests(SystemFixture system)
{
    [Fact]
    public async Task A_string_longer_than_the_edge_limit_is_refused_naming_the_field_and_the_limit()
    {
        using var t = await NewTenantAsync(system);
        var provider = Provider();
        provider["contactName"] = new string('a', InputLimits.MaxStringLength + 1);
        using var response = await t.Api.PostAsJsonAsync("api/providers", provider);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "contactName");
        Assert.Contains(InputLimits.StringRule, problem.GetProperty("errors").GetProperty("contactName")[0].GetString());
        Assert.Equal(0L, await CountAsync("providers", t.TenantId));
    }

    [Fact]
    public async Task An_array_longer_than_the_edge_limit_is_refused_naming_the_nested_field()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var engagement = Engagement(providerId);
        engagement["businessFunctions"] = Enumerable.Range(0, InputLimits.MaxArrayItems + 1).Select(i => $"f{i}").ToArray();
        using (var response = await t.Api.PostAsJsonAsync("api/engagements", engagement))
        {
            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "businessFunctions");
            Assert.Equal(InputLimits.ArrayRule, problem.GetProperty("errors").GetProperty("businessFunctions")[0].GetString());
        }

        // Within the edge limit, the field's own tighter rule still answers.
        engagement["businessFunctions"] = Enumerable.Range(0, 51).Select(i => $"f{i}").ToArray();
        using (var response = await t.Api.PostAsJsonAsync("api/engagements", engagement))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "businessFunctions");
        }

        Assert.Equal(0L, await CountAsync("engagements", t.TenantId));
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_refused_naming_the_field()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var engagement = Engagement(providerId);
        engagement["headcount"] = "12";
        using var response = await t.Api.PostAsJsonAsync("api/engagements", engagement);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "headcount");
        Assert.Equal(0L, await CountAsync("engagements", t.TenantId));
    }

    [Fact]
    public async Task A_query_value_longer_than_the_edge_limit_is_refused_naming_the_parameter()
    {
        using var t = await NewTenantAsync(system);
        using var response = await t.Api.GetAsync("api/engagements?q=" + new string('a', InputLimits.MaxQueryValueLength + 1));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "q");
        Assert.Equal(InputLimits.QueryValueRule, problem.GetProperty("errors").GetProperty("q")[0].GetString());

        using var within = await t.Api.GetAsync("api/engagements?q=" + new string('a', 100));
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
    }
}
