using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The providers and captive centres pages: lists with search, detail pages, the forms, viewers, and isolation.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProviderPageTests(PortalFixture portal)
{
    [Fact]
    public async Task An_admin_adds_a_provider_through_the_form_finds_it_by_search_opens_it_and_edits_it()
    {
        var tenant = await portal.SignUpAsync("Provider Keepers Ltd");
        await PortalApi.CreateProviderAsync(portal.Engagements, tenant.AccessToken, "Unrelated Logistics GmbH", "DE");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "providers").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("Providers · Sourcing");
        await page.GetByRole(AriaRole.Link, new() { Name = "New provider" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("New provider · Sourcing");

        await page.GetByLabel("Legal name").FillAsync("Bangalore Code Works Pvt Ltd");
        await page.GetByLabel("Headquarters country").SelectOptionAsync("IN");
        await page.GetByLabel("Delivers from").FillAsync("India, PH");
        await page.GetByLabel("Certificates").FillAsync("ISO 27001, 2028-03-31\nSOC 2");
        await page.GetByLabel("Contact name").FillAsync("Asha Iyer");
        await page.GetByLabel("Contact e-mail").FillAsync("asha@codeworks.example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Provider added." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bangalore Code Works Pvt Ltd", Level = 1 })).ToBeVisibleAsync();
        var facts = page.GetByTestId("provider-facts");
        await Assertions.Expect(facts).ToContainTextAsync("India");
        await Assertions.Expect(facts).ToContainTextAsync("India, Philippines");
        await Assertions.Expect(page.GetByTestId("certificates")).ToContainTextAsync("ISO 27001, valid until 31 Mar 2028");
        await Assertions.Expect(page.GetByTestId("certificates")).ToContainTextAsync("SOC 2");
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("Created");
        var providerId = Guid.Parse(page.Url.Split('/').Last().Split('?')[0]);

        // The list finds it by a part of its name, and only it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Unrelated Logistics GmbH" })).ToBeVisibleAsync();
        await page.GetByLabel("Search").FillAsync("code works");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 provider.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Unrelated Logistics GmbH" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bangalore Code Works Pvt Ltd" }).ClickAsync();
        Assert.EndsWith($"/providers/{providerId}", page.Url, StringComparison.Ordinal);

        // Edited: the change shows, is stored, and is in the history.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Edit Bangalore Code Works Pvt Ltd · Sourcing");
        await Assertions.Expect(page.GetByLabel("Delivers from")).ToHaveValueAsync("India, Philippines");
        await page.GetByLabel("Contact name").FillAsync("Ravi Rao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("provider-facts")).ToContainTextAsync("Ravi Rao");
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("Changed: contact name");
        var stored = await PortalApi.GetAsync(portal.Engagements, tenant.AccessToken, $"api/providers/{providerId}");
        Assert.Equal("Ravi Rao", stored.GetProperty("contactName").GetString());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Equal("IN,PH", string.Join(",", stored.GetProperty("deliveryCountries").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(2, stored.GetProperty("certifications").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_on_the_provider_form_shows_the_APIs_messages_at_the_fields_and_saves_nothing()
    {
        var tenant = await portal.SignUpAsync("Careful Editors Ltd");
        var providerId = await PortalApi.CreateProviderAsync(portal.Engagements, tenant.AccessToken, "Pune Analytics Pvt Ltd");

        await using var context = await portal.NewContextAsync(width: 360, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"providers/{providerId}/edit").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page.GetByLabel("Legal name")).ToHaveValueAsync("Pune Analytics Pvt Ltd");

        await page.GetByLabel("Legal name").FillAsync("");
        await page.GetByLabel("Delivers from").FillAsync("XX");
        await page.GetByLabel("Contact e-mail").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("#legalName-error")).ToHaveTextAsync("Legal name is required.");
        await Assertions.Expect(page.Locator("#deliveryCountries-error")).ToContainTextAsync("'XX' is not an ISO 3166-1 alpha-2 country code.");
        await Assertions.Expect(page.Locator("#contactEmail-error")).ToContainTextAsync("is not a valid e-mail address");
        await Assertions.Expect(page.GetByLabel("Legal name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Delivers from")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Delivers from")).ToHaveValueAsync("XX");
        await Assertions.Expect(page.GetByLabel("Contact name")).ToHaveAttributeAsync("aria-invalid", "false");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the form is wider than 360 px");

        var stored = await PortalApi.GetAsync(portal.Engagements, tenant.AccessToken, $"api/providers/{providerId}");
        Assert.Equal("Pune Analytics Pvt Ltd", stored.GetProperty("legalName").GetString());
        Assert.Equal("IN", string.Join(",", stored.GetProperty("deliveryCountries").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("contactEmail").ValueKind);
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        var audit = await PortalApi.GetAsync(portal.Engagements, tenant.AccessToken, $"api/providers/{providerId}/audit");
        Assert.Equal(1, audit.GetProperty("totalCount").GetInt32());

        // Someone saves a change meanwhile: the form's save is refused (If-Match), and their change stays.
        using (var api = Sourcing.Testing.SourcingClient.Api(portal.Engagements, tenant.AccessToken))
        {
            using var put = await api.PutAsJsonAsync(
                new Uri($"api/providers/{providerId}", UriKind.Relative),
                new { legalName = "Pune Analytics Private Limited", hqCountry = "IN", deliveryCountries = new[] { "IN" } });
            Assert.True(put.IsSuccessStatusCode, $"PUT answered {(int)put.StatusCode}");
        }

        await page.GetByLabel("Legal name").FillAsync("Pune Analytics Pvt Ltd (renamed)");
        await page.GetByLabel("Delivers from").FillAsync("India");
        await page.GetByLabel("Contact e-mail").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else changed this provider" })).ToBeVisibleAsync();
        stored = await PortalApi.GetAsync(portal.Engagements, tenant.AccessToken, $"api/providers/{providerId}");
        Assert.Equal("Pune Analytics Private Limited", stored.GetProperty("legalName").GetString());
    }

    [Fact]
    public async Task A_viewer_sees_the_lists_and_pages_with_the_engagements_but_no_way_to_add_or_edit()
    {
        var tenant = await portal.SignUpAsync("Read Only Readers Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Quezon City helpdesk");
        var engagement = await PortalApi.GetAsync(portal.Engagements, tenant.AccessToken, $"api/engagements/{engagementId}");
        var providerId = engagement.GetProperty("providerId").GetGuid();
        var centreId = await PortalApi.CreateCaptiveCentreAsync(portal.Engagements, tenant.AccessToken, "Krakow Shared Services Sp. z o.o.");
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, viewerEmail, "Vic Viewer", "viewer", PortalFixture.StrongPassword);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, viewerEmail, PortalFixture.StrongPassword);
        await Assertions.Expect(page.GetByText("(viewer)")).ToBeVisibleAsync();

        // From the engagement to its provider, whose page lists the engagement.
        await page.GetByRole(AriaRole.Link, new() { Name = "Manila Contact BPO Inc" }).ClickAsync();
        Assert.EndsWith($"/providers/{providerId}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manila Contact BPO Inc", Level = 1 })).ToBeVisibleAsync();
        var engagements = page.Locator("section[aria-labelledby=engagements-heading]");
        await Assertions.Expect(engagements.GetByRole(AriaRole.Link, new() { Name = "Quezon City helpdesk" })).ToBeVisibleAsync();
        await Assertions.Expect(engagements).ToContainTextAsync("offshore BPO outsourcing");
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("Created");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Manila Contact BPO Inc" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New provider" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Captive centres", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Captive centres · Sourcing");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New captive centre" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Krakow Shared Services Sp. z o.o." }).ClickAsync();
        Assert.EndsWith($"/captive-centres/{centreId}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("centre-facts")).ToContainTextAsync("Poland");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);

        // Typing the forms' addresses: not allowed, and no form.
        foreach (var path in new[] { "providers/new", $"providers/{providerId}/edit", "captive-centres/new", $"captive-centres/{centreId}/edit" })
        {
            await page.GotoAsync(new Uri(portal.Portal, path).ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Legal")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_vendor_manager_adds_a_captive_centre_at_360_px_and_it_is_shown_and_listed()
    {
        var tenant = await portal.SignUpAsync("Own Centres Ltd");
        var email = $"vm-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, email, "Vera Manager", "vendor-manager", PortalFixture.StrongPassword);

        await using var context = await portal.NewContextAsync(width: 360, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "captive-centres").ToString());
        await portal.LogInAsync(page, email, PortalFixture.StrongPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "New captive centre" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("New captive centre · Sourcing");

        // Over 100 %: the API's words at the field, and nothing added.
        await page.GetByLabel("Legal entity").FillAsync("Chennai Operations Pvt Ltd");
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("IN");
        await page.GetByLabel("Ownership share (%)").FillAsync("120");
        await page.GetByLabel("Headcount").FillAsync("250");
        await page.GetByLabel("Functions").FillAsync("customer service, finance");
        await page.GetByLabel("Annual operating cost").FillAsync("3500000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add captive centre" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ownershipPercent-error")).ToContainTextAsync("Ownership share must be between 0 and 100.");
        var none = await PortalApi.GetAsync(portal.Engagements, tenant.AccessToken, "api/captive-centres");
        Assert.Equal(0, none.GetProperty("totalCount").GetInt32());

        await page.GetByLabel("Ownership share (%)").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add captive centre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Captive centre added." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chennai Operations Pvt Ltd", Level = 1 })).ToBeVisibleAsync();
        var facts = page.GetByTestId("centre-facts");
        await Assertions.Expect(facts).ToContainTextAsync("Captive centre");
        await Assertions.Expect(facts).ToContainTextAsync("India");
        await Assertions.Expect(facts).ToContainTextAsync("100 %");
        await Assertions.Expect(facts).ToContainTextAsync("customer service, finance");
        // The currency left empty is the country's own, as the API decides.
        await Assertions.Expect(facts).ToContainTextAsync("3,500,000 INR");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than 360 px");

        await page.GotoAsync(new Uri(portal.Portal, "captive-centres?kind=captive-centre").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chennai Operations Pvt Ltd" })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(portal.Portal, "captive-centres?kind=partnership").ToString());
        await Assertions.Expect(page.GetByText("No captive centre or partnership matches.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_user_of_another_company_who_types_the_address_of_a_provider_or_centre_sees_not_found()
    {
        var owner = await portal.SignUpAsync("Provider Owner Ltd");
        var ownersProvider = await PortalApi.CreateProviderAsync(portal.Engagements, owner.AccessToken, "Owner's Secret Provider Ltd");
        var ownersCentre = await PortalApi.CreateCaptiveCentreAsync(portal.Engagements, owner.AccessToken, "Owner's Secret Centre Sp. z o.o.");
        var other = await portal.SignUpAsync("Curious Other Ltd");
        var othersProvider = await PortalApi.CreateProviderAsync(portal.Engagements, other.AccessToken, "Other's Own Provider Ltd");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"providers/{othersProvider}").ToString());
        await portal.LogInAsync(page, other.AdminEmail, other.AdminPassword);
        // Control: its own provider shows.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Other's Own Provider Ltd", Level = 1 })).ToBeVisibleAsync();

        foreach (var path in new[] { $"providers/{ownersProvider}", $"providers/{ownersProvider}/edit", $"captive-centres/{ownersCentre}", $"providers/{Guid.NewGuid()}" })
        {
            var response = await page.GotoAsync(new Uri(portal.Portal, path).ToString());
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page).ToHaveTitleAsync("Not found · Sourcing");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Owner's Secret")).ToHaveCountAsync(0);
        }
    }
}
