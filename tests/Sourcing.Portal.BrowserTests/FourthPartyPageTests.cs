using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>Fourth parties in the portal: the portfolio's shared fourth parties with the engagements behind each figure, and the provider page's section.</summary>
[Collection(PortalCollection.Name)]
public sealed class FourthPartyPageTests(PortalFixture portal)
{
    private static async Task PutChainAsync(HttpClient api, Guid engagementId, Guid providerId)
    {
        using var response = await api.PutAsJsonAsync($"api/registers/engagements/{engagementId}", new { chain = new object[] { new { providerId, rank = 2 } } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT chain answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_portfolio_shows_the_share_of_critical_engagements_that_depend_on_a_host_and_the_provider_pages_show_the_chains()
    {
        var tenant = await portal.SignUpAsync("Chain Watchers Bank AG");
        // Three active engagements, two critical; Host X under the first critical one and the standard one:
        // 1 of 2 critical = 50 %, 2 of 3 active = 66.7 %.
        var payments = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Payments processing", "critical", providerName: "Pay Prime GmbH");
        await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Card services", "critical", providerName: "Card Prime Ltd");
        var archive = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Document archive", "standard", providerName: "Archive Prime SA");
        var host = await PortalApi.CreateProviderAsync(portal.Engagements, tenant.AccessToken, "Host X Cloud SE", "IE");
        var payPrime = (await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, payments)).GetProperty("providerId").GetGuid();
        using (var api = SourcingClient.Api(portal.Engagements, tenant.AccessToken))
        {
            await PutChainAsync(api, payments, host);
            await PutChainAsync(api, archive, host);
        }

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "fourth-parties").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("Fourth parties · Sourcing");
        await Assertions.Expect(page.GetByTestId("fourth-party-base")).ToContainTextAsync("3 active engagements, 2 critical engagements");
        var card = page.GetByTestId("shared-fourth-party");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByTestId("fourth-party-headline")).ToHaveTextAsync(
            "50 % of critical engagements depend on Host X Cloud SE (1 of 2); 66.7 % of all active engagements (2 of 3).");
        var behind = card.GetByTestId("fourth-party-engagements");
        await Assertions.Expect(behind.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(behind.Locator("tbody tr").Nth(0)).ToContainTextAsync("Payments processing");
        await Assertions.Expect(behind.Locator("tbody tr").Nth(0)).ToContainTextAsync("Pay Prime GmbH");
        await Assertions.Expect(behind.Locator("tbody tr").Nth(1)).ToContainTextAsync("Document archive");
        await Assertions.Expect(behind.Locator($"a[href='/engagements/{payments}']")).ToBeVisibleAsync();

        // The navigation reaches it, and the host's name leads to its page: a fourth party in two chains.
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Fourth parties", Exact = true })).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Host X Cloud SE", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Host X Cloud SE · Sourcing");
        var section = page.GetByTestId("fourth-parties");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Fourth parties", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(section).ToContainTextAsync("No subcontractor recorded");
        var roles = page.GetByTestId("provider-as-fourth-party");
        await Assertions.Expect(roles.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(roles.Locator("tbody tr").Nth(0)).ToContainTextAsync("Payments processing");
        await Assertions.Expect(roles.Locator("tbody tr").Nth(0)).ToContainTextAsync("critical");
        await Assertions.Expect(roles.Locator("tbody tr").Nth(1)).ToContainTextAsync("Archive Prime SA");

        // The prime's page lists its subcontractor in the engagement's chain.
        await page.GotoAsync(new Uri(portal.Portal, $"providers/{payPrime}").ToString());
        var subcontractors = page.GetByTestId("provider-subcontractors");
        await Assertions.Expect(subcontractors.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(subcontractors).ToContainTextAsync("Payments processing");
        await Assertions.Expect(subcontractors).ToContainTextAsync("Host X Cloud SE");
        await Assertions.Expect(subcontractors).ToContainTextAsync("Ireland");

        // A bad date is named on the page.
        await page.GotoAsync(new Uri(portal.Portal, "fourth-parties?date=2026-02-30").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Date" })).ToBeVisibleAsync();
    }
}
