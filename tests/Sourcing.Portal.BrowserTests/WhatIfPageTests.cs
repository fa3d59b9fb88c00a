using System.Text.Json;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The what-if page: a provider's failure, chosen in the form, shows the risk API's figures; the provider page links to it; a country's failure too.</summary>
[Collection(PortalCollection.Name)]
public sealed class WhatIfPageTests(PortalFixture portal)
{
    [Fact]
    public async Task Choosing_a_provider_shows_what_stops_the_critical_process_left_alone_and_the_other_providers_dependency_change()
    {
        // Two providers in the Philippines, 1,200,000 USD a year and 80 people each, contracts ending within 24 months.
        var tenant = await portal.SignUpAsync("What If Portal Ltd");
        var failing = await PortalApi.CreateEngagementAsync(
            portal.Engagements, tenant.AccessToken, "Failing contact centre", criticality: "critical", contractEnd: "2027-12-31", providerName: "Failing Vendor Inc");
        var steady = await PortalApi.CreateEngagementAsync(
            portal.Engagements, tenant.AccessToken, "Steady IT desk", criticality: "standard", contractEnd: "2027-12-31", providerName: "Steady Vendor Inc",
            businessProcess: "it-services");
        await PortalApi.DefineSlaAsync(portal.Sla, tenant.AccessToken, failing, "Calls answered in 20 s", 80m);
        var failingProvider = (await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, failing)).GetProperty("providerId").GetGuid();
        var steadyProvider = (await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, steady)).GetProperty("providerId").GetGuid();

        // The risk service learns of the engagements and the SLA through events: wait until its what-if holds them.
        using var risk = SourcingClient.Api(portal.Risk, tenant.AccessToken);
        await Eventually.WaitAsync(
            async () =>
            {
                // 404 until the risk service has heard of the provider.
                using var response = await risk.GetAsync(new Uri($"api/risk/what-if/failure?providerId={failingProvider}", UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                var r = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                return r.GetProperty("stranded").GetProperty("slas").GetInt32() == 1 && r.GetProperty("dependencyChanges").GetArrayLength() == 1;
            },
            TimeSpan.FromSeconds(90),
            "the risk service to hold both engagements and the SLA");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "What if", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What if a source fails", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Provider", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Failing Vendor Inc" });
        await page.GetByRole(AriaRole.Button, new() { Name = "If this provider fails" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "If Failing Vendor Inc fails", Level = 2 })).ToBeVisibleAsync();

        // Stranded: the one critical engagement, its 1,200,000 USD, 80 people and its SLA.
        await Assertions.Expect(page.GetByTestId("stranded-engagements")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("stranded-spend")).ToHaveTextAsync("1,200,000 USD");
        await Assertions.Expect(page.GetByTestId("stranded-headcount")).ToHaveTextAsync("80");
        await Assertions.Expect(page.GetByTestId("stranded-critical")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("stranded-slas")).ToHaveTextAsync("1");
        var stopping = page.Locator($"tr[data-engagement='{failing}']").First;
        await Assertions.Expect(stopping).ToContainTextAsync("Failing contact centre");
        await Assertions.Expect(stopping.GetByTestId("annual-cost")).ToHaveTextAsync("1,200,000 USD");

        // Customer service has no other source, and it is critical.
        await Assertions.Expect(page.Locator("li[data-process='customer-service']")).ToContainTextAsync("Customer service (critical): no other source");

        // Steady's dependency: now share 0.5 and IT-services HHI 1 -> 100 x (0.25 + 0.5) = 75; after, alone -> 100.
        var change = page.Locator($"tr[data-engagement='{steady}']");
        await Assertions.Expect(change.GetByTestId("before")).ToHaveTextAsync("75");
        await Assertions.Expect(change.GetByTestId("after")).ToHaveTextAsync("100");
        await Assertions.Expect(change.GetByTestId("change")).ToHaveTextAsync("+25");
        await PortalFixture.ScreenshotAsync(page, "what-if-provider");

        // From the other provider's page: "What if it fails" shows IT services left with no source, not critical.
        await page.GotoAsync(new Uri(portal.Portal, $"providers/{steadyProvider}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "What if it fails" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "If Steady Vendor Inc fails", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li[data-process='it-services']")).ToContainTextAsync("IT services: no other source");
        await Assertions.Expect(page.GetByTestId("stranded-critical")).ToHaveTextAsync("0");

        // The Philippines: both engagements stop, nothing is left to score.
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("PH");
        await page.GetByRole(AriaRole.Button, new() { Name = "If this country fails" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stranded-engagements")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("stranded-spend")).ToHaveTextAsync("2,400,000 USD");
        await Assertions.Expect(page.GetByText("No other engagement has a dependency score.")).ToBeVisibleAsync();
    }
}
