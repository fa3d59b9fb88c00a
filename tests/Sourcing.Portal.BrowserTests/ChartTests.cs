using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The charts: the dashboard's risk trend and risk by country, an engagement's score history; each with its figures as a table.</summary>
[Collection(PortalCollection.Name)]
public sealed class ChartTests(PortalFixture portal)
{
    [Fact]
    public async Task The_dashboard_charts_the_risk_trend_and_risk_by_country_and_an_engagement_its_score_history()
    {
        var tenant = await portal.SignUpAsync("Chart House Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila claims processing");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        // The engagement's score history: once scored, one point, its figures in the table.
        var history = page.GetByTestId("score-history");
        await PortalFixture.WaitForScoresAsync(page);

        var composite = (await page.GetByTestId("composite").InnerTextAsync()).Trim();
        await Assertions.Expect(history.Locator("figcaption")).ToContainTextAsync($"One score so far: composite {composite}");
        await history.GetByText("The figures, change by change").ClickAsync();
        await Assertions.Expect(history.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(history.Locator("tbody tr td").First).ToHaveTextAsync(composite);

        // The dashboard: the trend counts the engagement today, in its band; the country table shows the Philippines.
        await page.GotoAsync(portal.Portal.ToString());
        var trend = page.GetByTestId("risk-trend");
        await Assertions.Expect(trend.Locator("svg")).ToHaveCountAsync(1);
        await trend.GetByText("The figures, day by day").ClickAsync();
        await Assertions.Expect(trend.Locator("tbody tr")).ToHaveCountAsync(90);
        var today = trend.Locator("tbody tr").First;
        var counts = await today.Locator("td").AllInnerTextsAsync();
        Assert.Equal(1, counts.Sum(int.Parse));
        var band = (await page.Locator("section[aria-labelledby=riskiest-heading] .band").First.InnerTextAsync()).Trim();
        var column = Array.IndexOf(["critical", "high", "medium", "low"], band);
        Assert.True(column >= 0, $"unexpected band '{band}'");
        Assert.Equal("1", counts[column]);

        var country = page.GetByTestId("risk-by-country").Locator("tr[data-country=PH]");
        await Assertions.Expect(country.GetByRole(AriaRole.Link, new() { Name = "Philippines" })).ToBeVisibleAsync();
        await Assertions.Expect(country.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Assertions.Expect(country.Locator("td").Nth(2)).ToHaveTextAsync(composite);
        await PortalFixture.ScreenshotAsync(page, "dashboard-charts");
    }
}
