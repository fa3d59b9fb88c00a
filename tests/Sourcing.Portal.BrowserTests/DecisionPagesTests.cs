using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The Decisions pages: currency exposure by currency with a move, and working hours shared with each delivery site.</summary>
[Collection(PortalCollection.Name)]
public sealed class DecisionPagesTests(PortalFixture portal)
{
    /// <summary>A New York company paying a Manila provider 1,200,000 USD and running a Polish captive centre (2,000,000 a year, in zloty).</summary>
    private async Task<(SignedUpTenant Tenant, Guid Manila, Guid Krakow)> SeedAsync(string company)
    {
        var tenant = await portal.SignUpAsync(company);
        var manila = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila contact centre");
        var centre = await PortalApi.CreateCaptiveCentreAsync(portal.Engagements, tenant.AccessToken, $"{company} Polska Sp. z o.o.");
        var krakow = await PortalApi.CreateCentreEngagementAsync(portal.Engagements, tenant.AccessToken, centre, "Krakow finance centre");
        using var risk = SourcingClient.Api(portal.Risk, tenant.AccessToken);
        await Eventually.WaitAsync(
            async () =>
            {
                // 404 until the risk service has the tenant; then the sites arrive with the engagements' events.
                using var response = await risk.GetAsync(new Uri("api/risk/working-hours", UriKind.Relative));
                return response.IsSuccessStatusCode
                    && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("sites").GetArrayLength() == 2;
            },
            TimeSpan.FromSeconds(60),
            "the risk service to know both delivery sites");
        return (tenant, manila, krakow);
    }

    private static string Money(JsonElement value) =>
        value.GetDecimal().ToString("#,0.##", CultureInfo.InvariantCulture) + " USD";

    [Fact]
    public async Task The_currency_exposure_page_shows_each_currency_converted_at_the_ECB_rate_and_the_change_for_the_move_typed()
    {
        var (tenant, _, krakow) = await SeedAsync("Exposed Traders Ltd");
        var api = await PortalApi.GetAsync(portal.Risk, tenant.AccessToken, "api/risk/currency-exposure?date=2025-03-05&move=20");
        var lines = api.GetProperty("currencies").EnumerateArray().ToDictionary(c => c.GetProperty("currency").GetString()!);
        Assert.Equal(["PLN", "USD"], lines.Keys.Order());
        Assert.Equal(1_200_000m, lines["USD"].GetProperty("cost").GetDecimal());
        Assert.Equal(2_000_000m, lines["PLN"].GetProperty("amount").GetDecimal());

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        var decisions = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Group, new() { Name = "Decisions" });
        await decisions.GetByRole(AriaRole.Link, new() { Name = "Currency exposure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Currency exposure", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Rates of", new() { Exact = true }).FillAsync("2025-03-05");
        await page.GetByLabel("Move (%)", new() { Exact = true }).FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "By currency, 5 Mar 2025", Level = 2 })).ToBeVisibleAsync();

        var pln = page.Locator("tr[data-currency='PLN']");
        await Assertions.Expect(pln.Locator("td[data-figure=amount]")).ToHaveTextAsync("2,000,000 PLN");
        await Assertions.Expect(pln.Locator("td[data-figure=cost]")).ToHaveTextAsync(Money(lines["PLN"].GetProperty("cost")));
        await Assertions.Expect(pln.Locator("td[data-figure=share]")).ToHaveTextAsync(
            lines["PLN"].GetProperty("sharePercent").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture) + " %");
        await Assertions.Expect(pln.Locator("td[data-figure=up]")).ToHaveTextAsync("+" + Money(lines["PLN"].GetProperty("changeUp")));
        await Assertions.Expect(pln.Locator("td[data-figure=down]")).ToHaveTextAsync(Money(lines["PLN"].GetProperty("changeDown")));
        await Assertions.Expect(pln.Locator("td[data-figure=volatile]")).ToHaveTextAsync(lines["PLN"].GetProperty("volatile").GetBoolean() ? "yes" : "no");
        var usd = page.Locator("tr[data-currency='USD']");
        await Assertions.Expect(usd.Locator("td[data-figure=cost]")).ToHaveTextAsync("1,200,000 USD");
        await Assertions.Expect(usd.Locator("td[data-figure=up]")).ToHaveTextAsync("0 USD");
        // 20 % of the zloty cost, the only foreign one.
        Assert.Equal(Math.Round(lines["PLN"].GetProperty("cost").GetDecimal() * 0.2m, 2), api.GetProperty("totalChangeUp").GetDecimal());
        await Assertions.Expect(page.GetByTestId("total-up")).ToContainTextAsync("+" + Money(api.GetProperty("totalChangeUp")));
        await Assertions.Expect(page.GetByTestId("volatile-share")).ToContainTextAsync(
            api.GetProperty("volatileSharePercent").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture) + " %");
        await Assertions.Expect(page.Locator($"a[href='/engagements/{krakow}']")).ToHaveCountAsync(1);
        await PortalFixture.ScreenshotAsync(page, "currency-exposure");

        // A move out of range comes back with the API's words about the field.
        await page.GotoAsync(new Uri(portal.Portal, "currency-exposure?move=150").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("from 0 to 100");
    }

    [Fact]
    public async Task The_working_hours_page_shows_each_site_against_head_office_with_daylight_saving_on_the_date()
    {
        var (tenant, manila, krakow) = await SeedAsync("Overlapping Traders Ltd");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        var decisions = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Group, new() { Name = "Decisions" });
        await decisions.GetByRole(AriaRole.Link, new() { Name = "Working hours" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Working hours shared with delivery sites", Level = 1 })).ToBeVisibleAsync();

        // 15 January 2026: New York UTC-5 (14:00-22:00 UTC), Warsaw UTC+1 (08:00-16:00 UTC): 2 hours, 09:00-11:00 in New York.
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var warsaw = page.Locator("section[data-site='Europe/Warsaw']");
        await Assertions.Expect(warsaw.GetByTestId("shared-with-hq")).ToContainTextAsync("2 hours shared with head office: 09:00-11:00 head office time.");
        await Assertions.Expect(warsaw.Locator(".timeline .span.shared")).ToHaveCountAsync(1);
        await Assertions.Expect(warsaw.Locator($"a[href='/engagements/{krakow}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("hq-summary")).ToContainTextAsync("America/New_York (UTC-05:00 on 15 Jan 2026)");
        // Manila (UTC+8) works 20:00-04:00 New York time: nothing shared, and its working day is split over New York's midnight.
        var manilaSite = page.Locator("section[data-site='Asia/Manila']");
        await Assertions.Expect(manilaSite.GetByTestId("shared-with-hq")).ToContainTextAsync("0 hours shared with head office.");
        await Assertions.Expect(manilaSite.GetByTestId("shared-with-hq")).ToContainTextAsync("00:00-04:00 and 20:00-00:00 head office time");
        await Assertions.Expect(manilaSite.Locator(".timeline .span.site")).ToHaveCountAsync(2);
        await Assertions.Expect(manilaSite.Locator($"a[href='/engagements/{manila}']")).ToHaveCountAsync(1);
        await PortalFixture.ScreenshotAsync(page, "working-hours-january");

        // 16 March 2026, between the US change (8 March) and the EU change (29 March): 5 hours apart, 3 hours shared.
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-03-16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("hq-summary")).ToContainTextAsync("UTC-04:00 on 16 Mar 2026");
        await Assertions.Expect(warsaw.GetByTestId("shared-with-hq")).ToContainTextAsync("3 hours shared with head office: 09:00-12:00 head office time.");
        // On the US change date itself New York's day lasts 23 hours.
        await page.GotoAsync(new Uri(portal.Portal, "working-hours?date=2026-03-08").ToString());
        await Assertions.Expect(page.GetByTestId("hq-summary")).ToContainTextAsync("the day lasts 23 hours");
        await Assertions.Expect(warsaw.GetByTestId("shared-with-hq")).ToContainTextAsync("3 hours shared with head office");
        await PortalFixture.ScreenshotAsync(page, "working-hours-march");
    }
}
