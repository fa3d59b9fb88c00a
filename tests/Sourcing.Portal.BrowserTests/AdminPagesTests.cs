using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>Hangfire's dashboard through the portal for platform administrators, and the API reference page with a sign-in.</summary>
[Collection(PortalCollection.Name)]
public sealed class AdminPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_platform_administrator_reaches_the_background_jobs_through_the_portal_and_a_tenant_admin_is_told_not_allowed()
    {
        var operatorTenant = await portal.SignUpAsync("Platform Operations Ltd", PortalFixture.PlatformOperatorEmail);
        var tenantAdmin = await portal.SignUpAsync("Ordinary Customer Ltd");

        await using (var context = await portal.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(portal.Portal.ToString());
            await portal.LogInAsync(page, operatorTenant.AdminEmail, operatorTenant.AdminPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Background jobs" }).ClickAsync();
            Assert.StartsWith(new Uri(portal.Portal, "hangfire/recurring").ToString(), page.Url, StringComparison.Ordinal);
            // Hangfire's own page, served through the portal: the risk service's recurring jobs are listed.
            await Assertions.Expect(page.GetByText("risk-digests-due").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("risk-recompute-all").First).ToBeVisibleAsync();
            // Its links and assets stay on the portal.
            var response = await page.GotoAsync(new Uri(portal.Portal, "hangfire/jobs/succeeded").ToString());
            Assert.Equal(200, response!.Status);
            await PortalFixture.ScreenshotAsync(page, "background-jobs");
        }

        await using (var context = await portal.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(portal.Portal.ToString());
            await portal.LogInAsync(page, tenantAdmin.AdminEmail, tenantAdmin.AdminPassword);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Background jobs" })).ToHaveCountAsync(0);
            await page.GotoAsync(new Uri(portal.Portal, "hangfire/recurring").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("risk-digests-due")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task The_API_reference_page_links_every_services_reference_and_shows_the_persons_own_token_on_request()
    {
        var tenant = await portal.SignUpAsync("Developer Friendly Ltd");
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "api-reference").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("API reference · Sourcing");

        var references = page.GetByTestId("api-references");
        foreach (var name in new[] { "Identity", "Tenants", "Engagements", "SLA", "Risk" })
        {
            await Assertions.Expect(references.GetByRole(AriaRole.Link, new() { Name = $"{name} API reference" })).ToBeVisibleAsync();
        }

        var riskReference = await references.GetByRole(AriaRole.Link, new() { Name = "Risk API reference" }).GetAttributeAsync("href");
        Assert.Equal(new Uri(portal.Risk, "scalar").ToString(), riskReference);

        // The token shown is the person's own and works against an API.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my access token" }).ClickAsync();
        var token = await page.GetByTestId("access-token").InputValueAsync();
        using var api = Sourcing.Testing.SourcingClient.Api(portal.Risk, token);
        using var response = await api.GetAsync(new Uri("api/risk/portfolio", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"the token shown was refused: {(int)response.StatusCode}");
    }
}
