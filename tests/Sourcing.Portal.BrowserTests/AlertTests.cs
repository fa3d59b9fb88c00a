using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>Alerts in the portal: acknowledging with a comment, assigning with a due date, acting on many at once, the API's message at the field, and viewers who can change nothing.</summary>
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
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" })).ToHaveCountAsync(0);

        // On the alert's own page: who it is assigned to, but no way to change it.
        await card.GetByRole(AriaRole.Link, new() { Name = alert.GetProperty("message").GetString()! }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("assignee")).ToHaveTextAsync("No one");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save assignment" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_assigns_and_acknowledges_alerts_in_bulk_filters_them_by_assignee_and_changes_one_on_its_page()
    {
        var tenant = await portal.SignUpAsync("Alert Triage Ltd");
        // "Not monitored" (no SLA yet) stays open whatever else is added; a band rise could resolve itself when the second engagement changes the scores.
        var first = await PortalApi.OpenAlertAsync(
            portal.Risk, tenant.AccessToken, await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila claims processing"), "policy-not-monitored");
        var second = await PortalApi.OpenAlertAsync(
            portal.Risk, tenant.AccessToken, await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Cairo payroll"), "policy-not-monitored");
        Guid[] ids = [first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid()];
        var today = LocalDate.TodayIn("America/New_York");
        var due = today.AddDays(10);

        await using var context = await portal.NewContextAsync(width: 360, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "alerts").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        // Nothing selected: the page says so at the list, and nothing changes.
        await page.GetByLabel("Action").SelectOptionAsync("assign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.Locator("#alertIds-error")).ToContainTextAsync("Select at least one alert.");

        // Both assigned to the admin, due in ten days.
        foreach (var id in ids)
        {
            await page.Locator($"#select-{id}").CheckAsync();
        }

        await page.GetByLabel("Action").SelectOptionAsync("assign");
        await page.GetByLabel("Assign to").SelectOptionAsync(tenant.AdminUserId.ToString());
        await page.GetByLabel("Due by").FillAsync(due.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Assigned 2 alerts." })).ToBeVisibleAsync();
        foreach (var id in ids)
        {
            var stored = await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, id);
            Assert.Equal(tenant.AdminUserId, stored.GetProperty("assigneeUserId").GetGuid());
            Assert.Equal(due.ToString("yyyy-MM-dd"), stored.GetProperty("dueOn").GetString());
            await Assertions.Expect(page.Locator($"[data-alert='{id}'] .assignment")).ToContainTextAsync($"Assigned to Ada Admin, due {due:d MMM yyyy}");
        }

        // Filtered by assignee: both are "mine"; "no one's" leaves them out (and keeps the rest, such as the country concentration alert).
        await page.GetByLabel("Assigned to").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"^\d+ open alerts? that match(es)?\.$"))).ToBeVisibleAsync();
        foreach (var id in ids)
        {
            await Assertions.Expect(page.Locator($"[data-alert='{id}']")).ToHaveCountAsync(0);
        }

        await page.GetByLabel("Assigned to").SelectOptionAsync("me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 open alerts that match.")).ToBeVisibleAsync();

        // Acknowledging in bulk without a comment: the API's message at the comment box, nothing acknowledged.
        foreach (var id in ids)
        {
            await page.Locator($"#select-{id}").CheckAsync();
        }

        await page.GetByLabel("Action").SelectOptionAsync("acknowledge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-error")).ToContainTextAsync("Comment is required.");
        await Assertions.Expect(page.Locator("#bulk-comment")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("open", (await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, ids[0])).GetProperty("status").GetString());

        await page.Locator("#bulk-comment").FillAsync("Reviewed at the Monday meeting.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Acknowledged 2 alerts." })).ToBeVisibleAsync();
        foreach (var id in ids)
        {
            var stored = await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, id);
            Assert.Equal("acknowledged", stored.GetProperty("status").GetString());
            Assert.Equal("Reviewed at the Monday meeting.", stored.GetProperty("comment").GetString());
        }

        // On one alert's page: a past due date is refused at the field; then it is given back to no one.
        await page.GotoAsync(new Uri(portal.Portal, $"alerts/{ids[0]}").ToString());
        await Assertions.Expect(page.GetByTestId("assignee")).ToHaveTextAsync("Ada Admin");
        await page.GetByLabel("Due by").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assignment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dueOn-error")).ToContainTextAsync($"Due date must be today ({today:yyyy-MM-dd}) or later.");
        Assert.Equal(due.ToString("yyyy-MM-dd"), (await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, ids[0])).GetProperty("dueOn").GetString());

        await page.GetByLabel("Assign to").SelectOptionAsync("");
        await page.GetByLabel("Due by").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assignment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Assignment saved." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("assignee")).ToHaveTextAsync("No one");
        var unassigned = await PortalApi.AlertAsync(portal.Risk, tenant.AccessToken, ids[0]);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unassigned.GetProperty("assigneeUserId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unassigned.GetProperty("dueOn").ValueKind);
    }
}
