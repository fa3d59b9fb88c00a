using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.SystemTests.Engagements;
using Sourcing.SystemTests.Risk;
using Sourcing.SystemTests.Sla;

namespace Sourcing.SystemTests;

/// <summary>The shared paging helper (Paging.ToPageAsync), in every service that lists.</summary>
[Collection(SystemCollection.Name)]
public sealed class PagingTests(SystemFixture system)
{
    [Fact]
    public async Task A_page_so_far_past_the_end_that_its_offset_overflows_is_an_empty_page_not_a_500()
    {
        // Found by MalformedRequestSweepTests: (page - 1) * pageSize overflowed into a negative OFFSET.
        using var tenant = await EngagementsKit.NewTenantAsync(system);
        var token = tenant.Tenant.AccessToken;
        using var tenants = system.Api(token);
        using var sla = system.Sla(token);
        using var risk = RiskApi.Client(token);
        await RiskApi.WaitForTenantAsync(risk);

        foreach (var (api, url) in new[]
        {
            (tenant.Api, "api/providers?page=1000000000&pageSize=50"),
            (tenants, "api/members?page=2147483647&pageSize=500"),
            (sla, "api/breaches?page=1000000000"),
            (risk, "api/risk/alerts?page=1000000000"),
        })
        {
            using var response = await api.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {text}");
            var page = JsonDocument.Parse(text).RootElement;
            Assert.Equal(0, page.GetProperty("items").GetArrayLength());
            Assert.True(page.GetProperty("totalCount").GetInt32() >= 0);
        }
    }
}
