using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>Creating and editing engagements in the portal: the live classification, the API's messages at the fields, and viewers who can change nothing.</summary>
[Collection(PortalCollection.Name)]
public sealed class EngagementFormTests(PortalFixture portal)
{
    [Fact]
    public async Task An_admin_creates_an_offshore_BPO_engagement_and_sees_its_classification_change_live_with_the_country()
    {
        // The company's HQ is in the United States (PortalFixture.SignUpAsync).
        var tenant = await portal.SignUpAsync("Live Classifiers Ltd");
        var providerId = await PortalApi.CreateProviderAsync(portal.Engagements, tenant.AccessToken, "Makati Voice Services Inc", "PH");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "engagements").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "New engagement" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("New engagement · Sourcing");

        var preview = page.GetByTestId("classification-preview");
        await page.GetByLabel("Name").FillAsync("Makati customer care");
        // The provider is offered by name (and country), not by id.
        await Assertions.Expect(page.GetByLabel("Who does the work").Locator("option", new() { HasText = "Makati Voice Services Inc (Philippines)" })).ToHaveCountAsync(1);
        await page.GetByLabel("Who does the work").SelectOptionAsync($"provider:{providerId}");
        await page.GetByLabel("Scope").SelectOptionAsync("whole-process");
        await page.GetByLabel("Business process").SelectOptionAsync("customer-service");
        await page.GetByLabel("Delivery country").SelectOptionAsync("PH");
        // Without a long-term contract it is not BPO; with a three-year one it is.
        await Assertions.Expect(preview.Locator(".preview-label")).ToHaveTextAsync("offshore outsourcing");
        await page.GetByLabel("Contract starts").FillAsync("2026-01-01");
        await page.GetByLabel("Contract ends (blank: open-ended)").FillAsync("2028-12-31");
        await Assertions.Expect(preview.Locator(".preview-label")).ToHaveTextAsync("offshore BPO outsourcing");
        await Assertions.Expect(preview.Locator(".preview-reason")).ToContainTextAsync("the Philippines");

        // The same work in the HQ's country is domestic; the service first asks for a time zone (the US has several).
        await page.GetByLabel("Delivery country").SelectOptionAsync("US");
        await Assertions.Expect(preview).ToContainTextAsync("Not classified yet");
        await Assertions.Expect(preview).ToContainTextAsync("America/New_York");
        await page.GetByLabel("Delivery time zone (blank: the country's, when it has one)").FillAsync("America/Chicago");
        await Assertions.Expect(preview.Locator(".preview-label")).ToHaveTextAsync("BPO outsourcing (domestic)");
        await Assertions.Expect(preview.Locator(".preview-reason")).ToContainTextAsync("United States");

        // Back to Manila, and save: nothing was saved while the person picked.
        await page.GetByLabel("Delivery time zone (blank: the country's, when it has one)").FillAsync("");
        await page.GetByLabel("Delivery country").SelectOptionAsync("PH");
        await Assertions.Expect(preview.Locator(".preview-label")).ToHaveTextAsync("offshore BPO outsourcing");
        Assert.Equal(0, (await PortalApi.EngagementsAsync(portal.Engagements, tenant.AccessToken)).GetArrayLength());
        await page.GetByLabel("Delivery site (city, building)").FillAsync("Makati, Ayala Avenue");
        await page.GetByLabel("Headcount", new() { Exact = true }).FillAsync("120");
        await page.GetByLabel("Criticality", new() { Exact = true }).SelectOptionAsync("important");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("active");
        await page.GetByLabel("Personal", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Notice period, days").FillAsync("90");
        await page.GetByLabel("Pricing").SelectOptionAsync("per-fte");
        await page.GetByLabel("Annual value").FillAsync("900000");
        await page.GetByLabel("Currency (ISO 4217, such as USD)").FillAsync("USD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create engagement" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Makati customer care", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("classification")).ToHaveTextAsync("offshore BPO outsourcing");
        await Assertions.Expect(page.Locator(".classification")).ToContainTextAsync("third-party provider in the Philippines");
        await Assertions.Expect(page.GetByText("Makati, Ayala Avenue")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("900,000 USD")).ToBeVisibleAsync();
        var saved = (await PortalApi.EngagementsAsync(portal.Engagements, tenant.AccessToken))[0];
        Assert.Equal("Makati customer care", saved.GetProperty("name").GetString());
        Assert.Equal(providerId, saved.GetProperty("providerId").GetGuid());
        Assert.Equal(120, saved.GetProperty("headcount").GetInt32());
        Assert.Equal("personal", saved.GetProperty("dataSensitivity")[0].GetString());
        Assert.EndsWith($"/engagements/{saved.GetProperty("id").GetGuid()}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_on_the_edit_form_shows_the_APIs_message_at_the_field_and_saves_nothing_then_a_good_edit_is_saved()
    {
        var tenant = await portal.SignUpAsync("Careful Editors Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila help desk");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit engagement" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Edit Manila help desk · Sourcing");
        // The stored values are in the form, the classification beside them.
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Manila help desk");
        await Assertions.Expect(page.GetByLabel("Delivery country")).ToHaveValueAsync("PH");
        await Assertions.Expect(page.GetByTestId("classification-preview").Locator(".preview-label")).ToHaveTextAsync("offshore BPO outsourcing");

        // A time zone of another country: the API refuses it, at the field, and the new name is not saved either.
        await page.GetByLabel("Name").FillAsync("Renamed help desk");
        await page.GetByLabel("Delivery time zone (blank: the country's, when it has one)").FillAsync("Europe/Paris");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id='deliveryTimeZone-error']")).ToContainTextAsync("'Europe/Paris' is not a time zone of PH");
        await Assertions.Expect(page.GetByLabel("Delivery time zone (blank: the country's, when it has one)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Renamed help desk");
        var unchanged = await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, engagementId);
        Assert.Equal("Manila help desk", unchanged.GetProperty("name").GetString());
        Assert.Equal(1, unchanged.GetProperty("version").GetInt32());

        // Corrected, it is saved (with the version the form was opened at), and every other field is kept.
        await page.GetByLabel("Delivery time zone (blank: the country's, when it has one)").FillAsync("Asia/Manila");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Renamed help desk", Level = 1 })).ToBeVisibleAsync();
        var changed = await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, engagementId);
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal("Manila, Ortigas Center", changed.GetProperty("deliverySite").GetString());
        Assert.Equal(80, changed.GetProperty("headcount").GetInt32());
        Assert.Equal("important", changed.GetProperty("criticality").GetString());
        Assert.Equal(1_200_000m, changed.GetProperty("contract").GetProperty("annualValue").GetDecimal());
        Assert.Equal("2028-12-31", changed.GetProperty("contract").GetProperty("end").GetString());
        Assert.Equal("personal", changed.GetProperty("dataSensitivity")[0].GetString());
    }

    [Fact]
    public async Task A_viewer_finds_no_new_edit_SLA_or_upload_controls_and_is_told_they_are_not_allowed()
    {
        var tenant = await portal.SignUpAsync("Read Only Readers Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Cebu records");
        await PortalApi.DefineSlaAsync(portal.Sla, tenant.AccessToken, engagementId, "Records on time", 98m);
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, viewerEmail, "Vic Viewer", "viewer", PortalFixture.StrongPassword);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "engagements").ToString());
        await portal.LogInAsync(page, viewerEmail, PortalFixture.StrongPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cebu records" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New engagement" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Cebu records" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cebu records", Level = 1 })).ToBeVisibleAsync();
        // The SLA is shown, but nothing to change it or add data with.
        await Assertions.Expect(page.Locator("tr[data-sla]")).ToContainTextAsync("Records on time");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit engagement" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Define SLA" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upload" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);

        // Typing the addresses gets "not allowed", and no form.
        await page.GotoAsync(new Uri(portal.Portal, "engagements/new").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}/edit").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
    }
}
