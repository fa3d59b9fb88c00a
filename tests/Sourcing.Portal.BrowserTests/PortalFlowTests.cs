using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The portal in Debian's Chromium against the real services: login, dashboard, an engagement, logout, isolation.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PortalFlowTests(PortalFixture portal)
{
    [Fact]
    public async Task A_new_company_logs_in_sees_its_dashboard_and_engagement_then_logs_out_at_the_identity_service_too()
    {
        var tenant = await portal.SignUpAsync("Harbour Freight Ltd");
        var engagementId = await CreateEngagementAsync(tenant.AccessToken, "Manila customer care");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        // The dashboard, with the classification the engagements service computed, in words.
        await Assertions.Expect(page).ToHaveTitleAsync("Dashboard · Sourcing");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        var byClassification = page.Locator("section[aria-labelledby=classification-heading]");
        await Assertions.Expect(byClassification.GetByRole(AriaRole.Link, new() { Name = "offshore BPO outsourcing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ada Admin")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("(administrator)")).ToBeVisibleAsync();

        // The engagement, reached from the list; its risk scores appear once the risk service has computed them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Engagements", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Engagements · Sourcing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Manila customer care" }).ClickAsync();
        Assert.EndsWith($"/engagements/{engagementId}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manila customer care", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("classification")).ToHaveTextAsync("offshore BPO outsourcing");
        await Assertions.Expect(page.GetByText("Philippines").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("customer service").First).ToBeVisibleAsync();
        await PortalFixture.WaitForScoresAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = ScoreHeading() })).ToBeVisibleAsync();
        await PortalFixture.ScreenshotAsync(page, "engagement");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=riskiest-heading]").GetByRole(AriaRole.Link, new() { Name = "Manila customer care" }))
            .ToBeVisibleAsync();
        await PortalFixture.ScreenshotAsync(page, "dashboard");

        // Logging out ends the session at the identity service too: the portal asks for a login again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        Assert.StartsWith(portal.Portal.ToString(), page.Url, StringComparison.Ordinal);
        await page.GotoAsync(portal.Portal.ToString());
        Assert.StartsWith(new Uri(portal.Identity, "account/login").ToString(), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_user_of_another_company_who_types_the_address_of_an_engagement_sees_not_found()
    {
        var owner = await portal.SignUpAsync("Owner Company Ltd");
        var ownersEngagement = await CreateEngagementAsync(owner.AccessToken, "Owner's secret engagement");
        var other = await portal.SignUpAsync("Other Company Ltd");
        var othersEngagement = await CreateEngagementAsync(other.AccessToken, "Other's own engagement");

        await using var context = await portal.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{othersEngagement}").ToString());
        await portal.LogInAsync(page, other.AdminEmail, other.AdminPassword);
        // Control: its own engagement shows (at 360 px wide, without sideways scrolling of the page).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Other's own engagement", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than 360 px");

        var response = await page.GotoAsync(new Uri(portal.Portal, $"engagements/{ownersEngagement}").ToString());
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync("Not found · Sourcing");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Owner's secret engagement")).ToHaveCountAsync(0);
    }

    private Task<Guid> CreateEngagementAsync(string accessToken, string name) =>
        PortalApi.CreateEngagementAsync(portal.Engagements, accessToken, name);

    [GeneratedRegex(@"^Geopolitical: \d")]
    private static partial Regex ScoreHeading();
}
