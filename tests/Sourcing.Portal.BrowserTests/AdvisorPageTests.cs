using System.Net;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The sourcing advisor page: the form, the ranking with the reasons, and the options that do not apply.</summary>
[Collection(PortalCollection.Name)]
public sealed class AdvisorPageTests(PortalFixture portal)
{
    [Fact]
    public async Task The_advisor_ranks_offshore_BPO_first_for_cheap_repetitive_work_and_says_why()
    {
        var tenant = await portal.SignUpAsync("Advised Ltd");
        using var risk = SourcingClient.Api(portal.Risk, tenant.AccessToken);
        await Eventually.WaitAsync(
            async () => (await risk.GetAsync(new Uri("api/risk/portfolio", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the risk service to know the tenant");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Advisor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sourcing advisor", Level = 1 })).ToBeVisibleAsync();

        // Data entry, the whole process for three years, cost and scale matter, the Philippines as a candidate.
        await page.GetByLabel("Business process", new() { Exact = true }).SelectOptionAsync("data-entry");
        await page.GetByLabel("Needed for (months)", new() { Exact = true }).FillAsync("36");
        await page.GetByLabel("Country 1", new() { Exact = true }).SelectOptionAsync("PH");
        await page.GetByLabel("Cost", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByLabel("Workforce scale", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the options" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("advice-summary")).ToContainTextAsync("Recommended: Offshore BPO outsourcing in Philippines");
        var ranking = page.GetByTestId("advice-ranking");
        await Assertions.Expect(ranking.Locator("tbody tr").First).ToHaveAttributeAsync("data-option", "offshore-bpo-outsourcing");
        await Assertions.Expect(ranking.Locator("tbody tr").Nth(1)).ToHaveAttributeAsync("data-option", "bpo-outsourcing");
        // BPO at home: cost 1 x 3 + scale 1 x 2 = 5, no risk at home, no investment.
        await Assertions.Expect(ranking.Locator("tr[data-option='bpo-outsourcing']").GetByTestId("advice-score")).ToHaveTextAsync("5");
        await Assertions.Expect(page.GetByTestId("advice-decided-by")).ToContainTextAsync("cost (priority 3): fit 3 against 1, +6");
        await Assertions.Expect(page.GetByTestId("advice-not-applicable")).ToContainTextAsync("Task outsourcing (home): it suits a task or project");
        await PortalFixture.ScreenshotAsync(page, "advisor");

        // The answer is a link: the same question from the address bar gives the same ranking.
        var again = await context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Assertions.Expect(again.GetByTestId("advice-ranking").Locator("tbody tr").First).ToHaveAttributeAsync("data-option", "offshore-bpo-outsourcing");
    }
}
