using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// PostgreSQL text cannot hold U+0000: a string holding it is 400 naming the field in every service
/// (it was 500 in engagements, tenants' API clients and risk's alert comments), and writes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class NulCharacterTests(SystemFixture system)
{
    [Fact]
    public async Task Engagements_refuse_U_0000_in_a_json_field_a_nested_field_a_query_value_and_a_csv_cell()
    {
        using var t = await NewTenantAsync(system);
        var provider = Provider("Nul\u0000 Ltd");
        using (var response = await t.Api.PostAsJsonAsync("api/providers", provider))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "legalName");
        }

        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var engagement = Engagement(providerId);
        ((Dictionary<string, object?>)engagement["contract"]!)["serviceCreditTerms"] = "5 %\u0000";
        using (var response = await t.Api.PostAsJsonAsync("api/engagements", engagement))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "contract.serviceCreditTerms");
        }

        using (var response = await t.Api.GetAsync("api/engagements?q=a%00b"))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "q");
        }

        var csv = "legalName,hqCountry\nNul\u0000 Ltd,PH\n";
        using (var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var response = await t.Api.PostAsync("api/imports/providers", content);
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "line 2, column legalName");
        }

        Assert.Equal(1L, await CountAsync("providers", t.TenantId));
        Assert.Equal(0L, await CountAsync("engagements", t.TenantId));
    }

    [Fact]
    public async Task Tenants_refuse_U_0000_in_an_api_client_s_name_and_write_nothing()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);
        using (var response = await api.PostAsJsonAsync("api/api-clients", new { name = "Feed\u0000", scopes = new[] { "sla:write" } }))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "name");
        }

        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("api/api-clients")).GetProperty("totalCount").GetInt32());
    }
}
