using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>"My e-mails" (the page every digest links to) and an alert's own page (where a digest's alert links go).</summary>
[Collection(PortalCollection.Name)]
public sealed class DigestPageTests(PortalFixture portal)
{
    [Fact]
    public async Task A_vendor_manager_sees_the_next_digest_changes_the_subscription_and_a_bad_time_zone_shows_the_APIs_message_at_the_field()
    {
        var tenant = await portal.SignUpAsync("Digest Readers Ltd");
        var email = $"vm-{Guid.NewGuid():N}@example.com";
        var member = await portal.Client.InviteAndJoinAsync(tenant.AccessToken, email, "Vera Manager", "vendor-manager", PortalFixture.StrongPassword);
        using var api = SourcingClient.Api(portal.Risk, member.AccessToken);
        await Eventually.WaitAsync(
            async () => (await api.GetAsync(new Uri("api/risk/digests/subscription", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the vendor manager's default subscription");

        await using var context = await portal.NewContextAsync(width: 360, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "settings/digest").ToString());
        await portal.LogInAsync(page, email, PortalFixture.StrongPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("My e-mails · Sourcing");
        // The default: weekly on Monday at 08:00 in the company's zone.
        await Assertions.Expect(page.GetByTestId("digest-status")).ToContainTextAsync($"Your next digest goes to {email} on Mon");
        await Assertions.Expect(page.GetByTestId("digest-status")).ToContainTextAsync("08:00 (America/New_York)");
        await Assertions.Expect(page.GetByLabel("How often")).ToHaveValueAsync("weekly");
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToContainTextAsync("Digest Readers Ltd risk digest");
        var preview = page.FrameLocator("iframe[title='Preview of your next digest']");
        await Assertions.Expect(preview.Locator("body")).ToContainTextAsync("Hello Vera Manager");
        // Its links lead to the portal's pages: the dashboard for the portfolio, this page for the settings.
        await Assertions.Expect(preview.GetByRole(AriaRole.Link, new() { Name = "Open the portfolio" })).ToHaveAttributeAsync("href", portal.Portal.ToString());
        await Assertions.Expect(preview.GetByRole(AriaRole.Link, new() { Name = "Change them" })).ToHaveAttributeAsync("href", new Uri(portal.Portal, "settings/digest").ToString());

        // A zone that does not exist: the API's words at the field, and nothing saved.
        await page.GetByLabel("How often").SelectOptionAsync("daily");
        await page.GetByLabel("Time zone (such as Europe/Berlin)").FillAsync("Mars/Olympus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeZone-error")).ToContainTextAsync("IANA time-zone id");
        await Assertions.Expect(page.GetByLabel("Time zone (such as Europe/Berlin)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Time zone (such as Europe/Berlin)")).ToHaveValueAsync("Mars/Olympus");
        var stored = await api.GetFromJsonAsync<JsonElement>(new Uri("api/risk/digests/subscription", UriKind.Relative));
        Assert.Equal("weekly", stored.GetProperty("frequency").GetString());
        Assert.Equal("America/New_York", stored.GetProperty("timeZone").GetString());

        // Daily at 08:00 in Manila is 00:00 UTC.
        await page.GetByLabel("Time zone (such as Europe/Berlin)").FillAsync("Asia/Manila");
        await page.GetByLabel("Engagements").SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("digest-status")).ToContainTextAsync("08:00 (Asia/Manila)");
        stored = await api.GetFromJsonAsync<JsonElement>(new Uri("api/risk/digests/subscription", UriKind.Relative));
        Assert.Equal(("daily", "Asia/Manila", "all"), (stored.GetProperty("frequency").GetString(), stored.GetProperty("timeZone").GetString(), stored.GetProperty("scope").GetString()));
        Assert.Equal(0, stored.GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime.Hour);
    }

    [Fact]
    public async Task An_alerts_own_page_shows_it_and_another_companys_alert_is_not_found()
    {
        var tenant = await portal.SignUpAsync("Alert Pages Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Iloilo claims desk");
        var alert = await PortalApi.OpenAlertAsync(portal.Risk, tenant.AccessToken, engagementId);
        var alertId = alert.GetProperty("id").GetGuid();
        var other = await portal.SignUpAsync("Other Alerts Ltd");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"alerts/{alertId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page.Locator($"[data-alert='{alertId}']")).ToContainTextAsync(alert.GetProperty("message").GetString()!);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Iloilo claims desk" })).ToBeVisibleAsync();
        await page.GetByLabel("Comment").FillAsync("Provider called; fix due Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Acknowledged" })).ToBeVisibleAsync();
        Assert.Equal("acknowledged", (await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, alertId)).GetProperty("status").GetString());

        await using var otherContext = await portal.NewContextAsync();
        var otherPage = await otherContext.NewPageAsync();
        await otherPage.GotoAsync(new Uri(portal.Portal, $"alerts/{alertId}").ToString());
        await portal.LogInAsync(otherPage, other.AdminEmail, other.AdminPassword);
        await Assertions.Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Assertions.Expect(otherPage.GetByText(alert.GetProperty("message").GetString()!)).ToHaveCountAsync(0);
    }
}
