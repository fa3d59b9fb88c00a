using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>Alerts in the portal: acknowledging with a comment, the API's message at the field, and viewers who can change nothing.</summary>
[Collection(PortalCollection.Name)]
public sealed class AlertTests(PortalFixture portal)
{
    [Fact]
    public async Task An_admin_acknowledges_an_alert_with_a_comment_and_an_empty_comment_shows_the_APIs_message_at_the_field()
    {
        var tenant = await portal.SignUpAsync("Alert Handlers Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Cebu back office");
        var alert = await PortalApi.OpenAlertAsync(portal.Risk, tenant.AccessToken, engagementId);
        var alertId = alert.GetProperty("id").GetGuid();

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "alerts").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("Alerts · Sourcing");
        var card = page.Locator($"[data-alert='{alertId}']");
        await Assertions.Expect(card).ToContainTextAsync(alert.GetProperty("message").GetString()!);

        // No comment: the API refuses, its words appear at the comment box, and the alert stays open.
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        card = page.Locator($"[data-alert='{alertId}']");
        await Assertions.Expect(card.Locator(".field-error")).ToContainTextAsync("Comment");
        await Assertions.Expect(card.GetByLabel("Comment")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("open", (await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, alertId)).GetProperty("status").GetString());

        await card.GetByLabel("Comment").FillAsync("Asked the provider for a second source by March.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Acknowledged" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-alert='{alertId}']")).ToHaveCountAsync(0);
        var acknowledged = await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, alertId);
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal("Asked the provider for a second source by March.", acknowledged.GetProperty("comment").GetString());

        // It is listed among the acknowledged ones, with the comment.
        await page.GetByLabel("Status").SelectOptionAsync("acknowledged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-alert='{alertId}']")).ToContainTextAsync("Asked the provider for a second source by March.");
    }

    [Fact]
    public async Task An_admin_resolves_an_alert_on_its_own_page_and_a_too_long_resolution_shows_the_APIs_message_at_the_field()
    {
        var tenant = await portal.SignUpAsync("Alert Resolvers Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Davao finance and accounting");
        var alert = await PortalApi.OpenAlertAsync(portal.Risk, tenant.AccessToken, engagementId);
        var alertId = alert.GetProperty("id").GetGuid();

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"alerts/{alertId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        // Over the API's limit (the browser's maxlength is lifted, as a script could): refused at the field, nothing changes.
        await page.Locator("#resolution").EvaluateAsync("e => e.removeAttribute('maxlength')");
        await page.GetByLabel("Resolution (optional)").FillAsync(new string('x', 2001));
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resolution-error")).ToContainTextAsync("Resolution must be at most 2000 characters.");
        Assert.Equal("open", (await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, alertId)).GetProperty("status").GetString());

        await page.GetByLabel("Resolution (optional)").FillAsync("The provider added a second site in Cebu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Resolved" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);
        var resolved = await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, alertId);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("The provider added a second site in Cebu.", resolved.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task A_viewer_sees_the_open_alerts_but_no_way_to_acknowledge_them()
    {
        var tenant = await portal.SignUpAsync("Viewers Welcome Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Davao data entry");
        var alert = await PortalApi.OpenAlertAsync(portal.Risk, tenant.AccessToken, engagementId);
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, viewerEmail, "Vic Viewer", "viewer", PortalFixture.StrongPassword);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "alerts").ToString());
        await portal.LogInAsync(page, viewerEmail, PortalFixture.StrongPassword);
        await Assertions.Expect(page.GetByText("(viewer)")).ToBeVisibleAsync();
        var card = page.Locator($"[data-alert='{alert.GetProperty("id").GetGuid()}']");
        await Assertions.Expect(card).ToContainTextAsync(alert.GetProperty("message").GetString()!);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Comment")).ToHaveCountAsync(0);
    }
}
