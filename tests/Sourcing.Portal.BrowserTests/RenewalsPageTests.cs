using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The contract renewal calendar page: a contract under the month of its notice deadline and of its end, and only the person's own company's contracts.</summary>
[Collection(PortalCollection.Name)]
public sealed class RenewalsPageTests(PortalFixture portal)
{
    [Fact]
    public async Task The_renewals_page_lists_a_contract_under_its_notice_deadline_month_and_its_end_month_and_tenant_B_does_not_see_it()
    {
        // 2027-03-31 minus 60 days: back 31 (March) to 28 February, 28 (February) to 31 January, 1 more to 30 January.
        var a = await portal.SignUpAsync("Renewing Alpha Ltd");
        var alphaId = await PortalApi.CreateEngagementAsync(
            portal.Engagements, a.AccessToken, "Alpha claims desk", contractEnd: "2027-03-31", noticePeriodDays: 60, renewalDecision: "exit", providerName: "Alpha Vendor Inc");
        var b = await portal.SignUpAsync("Renewing Beta Ltd");
        var betaId = await PortalApi.CreateEngagementAsync(
            portal.Engagements, b.AccessToken, "Beta payroll", contractEnd: "2027-02-15", noticePeriodDays: 0, providerName: "Beta Vendor Inc");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, a.AdminEmail, a.AdminPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Renewals" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contract renewals", Level = 1 })).ToBeVisibleAsync();

        // Choose the months through the form.
        await page.GetByLabel("From month").FillAsync("2027-01");
        await page.GetByLabel("Months shown").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[data-month]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "January 2027", Level = 2 })).ToBeVisibleAsync();

        var january = page.Locator("section[data-month='2027-01']");
        var deadline = january.Locator($"tr[data-engagement='{alphaId}'][data-kind='notice-deadline']");
        await Assertions.Expect(deadline).ToHaveCountAsync(1);
        await Assertions.Expect(deadline.Locator("td").Nth(0)).ToHaveTextAsync("30 Jan 2027");
        await Assertions.Expect(deadline).ToContainTextAsync("Notice deadline (60 days' notice; ends 31 Mar 2027)");
        await Assertions.Expect(deadline).ToContainTextAsync("Alpha Vendor Inc");
        await Assertions.Expect(deadline.GetByTestId("renewal-decision")).ToHaveTextAsync("Exit");
        await Assertions.Expect(page.Locator("section[data-month='2027-02'] tr[data-engagement]")).ToHaveCountAsync(0);
        var end = page.Locator($"section[data-month='2027-03'] tr[data-engagement='{alphaId}'][data-kind='contract-end']");
        await Assertions.Expect(end.Locator("td").Nth(0)).ToHaveTextAsync("31 Mar 2027");
        await Assertions.Expect(page.Locator("tr[data-engagement]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText("Beta payroll")).ToHaveCountAsync(0);
        await PortalFixture.ScreenshotAsync(page, "renewals");

        // The row links to the engagement, whose edit form holds the renewal decision.
        await deadline.GetByRole(AriaRole.Link, new() { Name = "Alpha claims desk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha claims desk", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit engagement" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Renewal decision")).ToHaveValueAsync("exit");

        // Tenant B, on the same months, sees its own contract and nothing of A's.
        await using var other = await portal.NewContextAsync();
        var bPage = await other.NewPageAsync();
        await bPage.GotoAsync(new Uri(portal.Portal, "renewals?from=2027-01&months=3").ToString());
        await portal.LogInAsync(bPage, b.AdminEmail, b.AdminPassword);
        await Assertions.Expect(bPage.Locator("section[data-month]")).ToHaveCountAsync(3);
        var betaRows = bPage.Locator($"section[data-month='2027-02'] tr[data-engagement='{betaId}']");
        await Assertions.Expect(betaRows).ToHaveCountAsync(2);
        await Assertions.Expect(bPage.Locator($"tr[data-engagement='{alphaId}']")).ToHaveCountAsync(0);
        await Assertions.Expect(bPage.GetByText("Alpha claims desk")).ToHaveCountAsync(0);
        await Assertions.Expect(bPage.GetByText("Alpha Vendor Inc")).ToHaveCountAsync(0);
        await Assertions.Expect(bPage.Locator("tr[data-engagement]")).ToHaveCountAsync(2);
        await Assertions.Expect(betaRows.First.GetByTestId("renewal-decision")).ToHaveTextAsync("Not decided yet");
    }
}
