using System.Text.Json;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The settings pages: scores and policy, country overrides, members and invitations, API clients; admins change, viewers read.</summary>
[Collection(PortalCollection.Name)]
public sealed class SettingsPageTests(PortalFixture portal)
{
    private static readonly string[] SettingsPages = ["settings", "settings/countries", "settings/members", "settings/api-clients"];

    [Fact]
    public async Task An_admin_changes_a_weight_a_threshold_and_a_policy_switch_and_the_tenants_API_stores_them()
    {
        var tenant = await portal.SignUpAsync("Weighty Matters Ltd");
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Scores and policy · Settings · Sourcing");
        await Assertions.Expect(Field(page, "Quality weight")).ToHaveValueAsync("0.4");
        await Assertions.Expect(Field(page, "High from")).ToHaveValueAsync("50");

        await Field(page, "Quality weight").FillAsync("0.5");
        await Field(page, "Dependency weight").FillAsync("0.25");
        await Field(page, "Geopolitical weight").FillAsync("0.25");
        await Field(page, "High from").FillAsync("55");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
        await Assertions.Expect(Field(page, "Quality weight")).ToHaveValueAsync("0.5");

        var stored = await SettingsAsync(tenant.AccessToken);
        Assert.Equal(0.5m, stored.GetProperty("riskWeights").GetProperty("quality").GetDecimal());
        Assert.Equal(0.25m, stored.GetProperty("riskWeights").GetProperty("dependency").GetDecimal());
        Assert.Equal(55m, stored.GetProperty("bandThresholds").GetProperty("high").GetDecimal());
        // What the form did not change stays as it was.
        Assert.Equal(90, stored.GetProperty("qualityScore").GetProperty("windowDays").GetInt32());
        Assert.True(stored.GetProperty("policyChecks").GetProperty("notMonitored").GetBoolean());

        // A policy switch turned off and a process added to those not to offshore.
        var notMonitored = page.GetByLabel("An engagement without an SLA (not monitored)");
        await Assertions.Expect(notMonitored).ToBeCheckedAsync();
        await notMonitored.UncheckAsync();
        await page.GetByLabel("Accounting", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(portal.Portal, "settings").ToString());
        await Assertions.Expect(page.GetByLabel("An engagement without an SLA (not monitored)")).Not.ToBeCheckedAsync();

        stored = await SettingsAsync(tenant.AccessToken);
        Assert.False(stored.GetProperty("policyChecks").GetProperty("notMonitored").GetBoolean());
        Assert.True(stored.GetProperty("policyChecks").GetProperty("coreProcessOutsourced").GetBoolean());
        var processes = stored.GetProperty("notToOffshoreProcesses").EnumerateArray().Select(p => p.GetString()).Order().ToList();
        Assert.Equal(["accounting", "legal"], processes);
        Assert.Equal(0.5m, stored.GetProperty("riskWeights").GetProperty("quality").GetDecimal());
    }

    [Fact]
    public async Task Weights_that_break_the_APIs_rule_show_its_message_at_the_field_and_nothing_is_stored_at_360_px()
    {
        var tenant = await portal.SignUpAsync("Careful Weighers Ltd");
        var version = (await SettingsAsync(tenant.AccessToken)).GetProperty("version").GetInt32();
        await using var context = await portal.NewContextAsync(width: 360, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "settings").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        await Field(page, "Quality weight").FillAsync("0.5");
        await Field(page, "Dependency weight").FillAsync("0.5");
        await Field(page, "Geopolitical weight").FillAsync("0.5");
        await Field(page, "Window (days)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();

        await Assertions.Expect(page.Locator("[id='riskWeights-error']"))
            .ToHaveTextAsync("Weights of the composite score must add up to 1 (quality + dependency + geopolitical = 1.5).");
        await Assertions.Expect(page.Locator("[id='qualityScore.windowDays-error']"))
            .ToHaveTextAsync("Window (days) must be a whole number of days from 90 to 730.");
        await Assertions.Expect(Field(page, "Window (days)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Field(page, "Window (days)")).ToHaveAttributeAsync("aria-describedby", "qualityScore.windowDays-error");
        await Assertions.Expect(Field(page, "Quality weight")).ToHaveValueAsync("0.5");
        await Assertions.Expect(Field(page, "Points added for offshore")).ToHaveAttributeAsync("aria-invalid", "false");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.True(await FitsAsync(page), "the settings page is wider than 360 px");

        var stored = await SettingsAsync(tenant.AccessToken);
        Assert.Equal(0.4m, stored.GetProperty("riskWeights").GetProperty("quality").GetDecimal());
        Assert.Equal(90, stored.GetProperty("qualityScore").GetProperty("windowDays").GetInt32());
        Assert.Equal(version, stored.GetProperty("version").GetInt32());

        // Every settings page fits the narrow screen, and each has its own title.
        foreach (var path in SettingsPages)
        {
            await page.GotoAsync(new Uri(portal.Portal, path).ToString());
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("· Settings · Sourcing$"));
            Assert.True(await FitsAsync(page), $"/{path} is wider than 360 px");
        }
    }

    [Fact]
    public async Task An_admin_sets_a_country_override_sees_it_in_the_risk_API_and_removes_it()
    {
        var tenant = await portal.SignUpAsync("Country Watchers Ltd");
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "settings/countries").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("Country overrides · Settings · Sourcing");
        await Assertions.Expect(page.GetByTestId("no-overrides")).ToBeVisibleAsync();

        // Out of range: the API's message at the field, nothing stored.
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("PH");
        await page.GetByLabel("Political stability (0 to 100)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save override" }).ClickAsync();
        await Assertions.Expect(page.Locator("#politicalStability-error")).ToHaveTextAsync("Political stability must be between 0 and 100.");
        Assert.Equal(JsonValueKind.Null, (await CountryAsync(tenant.AccessToken, "PH")).GetProperty("override").ValueKind);

        await page.GetByLabel("Political stability (0 to 100)").FillAsync("20");
        await page.GetByLabel("Communication risk (0 to 100)").FillAsync("35.5");
        await page.GetByLabel("Why (optional)").FillAsync("Our own assessment after the site visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save override" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The override for Philippines is saved" })).ToBeVisibleAsync();
        var row = page.Locator("tr[data-country='PH']");
        await Assertions.Expect(row).ToContainTextAsync("Philippines");
        await Assertions.Expect(row).ToContainTextAsync("35.5");
        await Assertions.Expect(row).ToContainTextAsync("Our own assessment after the site visit");

        var over = (await CountryAsync(tenant.AccessToken, "PH")).GetProperty("override");
        Assert.Equal(20m, over.GetProperty("politicalStability").GetDecimal());
        Assert.Equal(JsonValueKind.Null, over.GetProperty("currencyRisk").ValueKind);
        Assert.Equal(35.5m, over.GetProperty("communicationRisk").GetDecimal());

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the override for Philippines" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The override for Philippines is removed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("no-overrides")).ToBeVisibleAsync();
        Assert.Equal(JsonValueKind.Null, (await CountryAsync(tenant.AccessToken, "PH")).GetProperty("override").ValueKind);
    }

    [Fact]
    public async Task An_admin_invites_a_member_who_gets_the_email_cancels_an_invitation_and_changes_a_members_role()
    {
        var tenant = await portal.SignUpAsync("Growing Team Ltd");
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, viewerEmail, "Vic Viewer", "viewer", PortalFixture.StrongPassword);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "settings/members").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("Members and invitations · Settings · Sourcing");
        var members = page.GetByTestId("members");
        await Assertions.Expect(members.Locator($"tr[data-member='{viewerEmail}']")).ToContainTextAsync("Vic Viewer");
        await Assertions.Expect(page.GetByLabel("Role of Vic Viewer", new() { Exact = true })).ToHaveValueAsync("viewer");

        // A bad address: the API's message at the field, nothing sent.
        await page.GetByLabel("E-mail address of the person to invite").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("is not a valid e-mail address");

        var invited = $"new-{Guid.NewGuid():N}@example.com";
        await page.GetByLabel("E-mail address of the person to invite").FillAsync(invited);
        await page.GetByLabel("Their role").SelectOptionAsync(new SelectOptionValue { Label = "Vendor manager" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Invitation sent to {invited}." })).ToBeVisibleAsync();
        var invitation = page.Locator($"tr[data-invitation='{invited}']");
        await Assertions.Expect(invitation).ToContainTextAsync("Vendor manager");
        await Assertions.Expect(invitation).ToContainTextAsync("Pending");
        var mail = await portal.Client.Mail.WaitForEmailAsync(invited, "invit", TimeSpan.FromSeconds(30));
        Assert.Contains("accept-invitation", MailDevClient.FindLink(mail, "accept-invitation").ToString(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Cancel the invitation to {invited}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"The invitation to {invited} was cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(invitation).ToContainTextAsync("Cancelled");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Cancel the invitation to {invited}" })).ToHaveCountAsync(0);

        await page.GetByLabel("Role of Vic Viewer", new() { Exact = true }).SelectOptionAsync("vendor-manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save role of Vic Viewer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Vic Viewer is now a vendor manager." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Role of Vic Viewer", new() { Exact = true })).ToHaveValueAsync("vendor-manager");
        // Roles read as words, never as codes.
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("vendor-manager");

        using var api = portal.Client.Api(tenant.AccessToken);
        var list = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/members", UriKind.Relative))).RootElement;
        var viewer = list.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("email").GetString() == viewerEmail);
        Assert.Equal("vendor-manager", viewer.GetProperty("role").GetString());
        var invitations = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/invitations", UriKind.Relative))).RootElement;
        var cancelled = invitations.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("email").GetString() == invited);
        Assert.Equal("revoked", cancelled.GetProperty("status").GetString());

        // The last admin cannot be made a viewer: the API's words beside the role, and the role stays.
        await page.GetByLabel("Role of Ada Admin", new() { Exact = true }).SelectOptionAsync("viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save role of Ada Admin" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[id='role-{tenant.AdminUserId}-error']")).ToContainTextAsync("last admin");

        // Removed after a second question: gone from the list and from the API's.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Vic Viewer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove Vic Viewer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Vic Viewer was removed." })).ToBeVisibleAsync();
        await Assertions.Expect(members.Locator($"tr[data-member='{viewerEmail}']")).ToHaveCountAsync(0);
        list = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/members", UriKind.Relative))).RootElement;
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == viewerEmail);
    }

    [Fact]
    public async Task An_API_client_shows_its_secret_once_the_secret_gets_a_token_and_a_revoked_client_gets_none()
    {
        var tenant = await portal.SignUpAsync("Integrated Systems Ltd");
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "settings/api-clients").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("API clients · Settings · Sourcing");

        // No scope: the API's message at the scopes, nothing created.
        await page.GetByLabel("Name (what the integration is)").FillAsync("ERP sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(page.Locator("#scopes-error")).ToContainTextAsync("must name at least one scope");
        await Assertions.Expect(page.GetByLabel("Name (what the integration is)")).ToHaveValueAsync("ERP sync");

        await page.GetByLabel("Read engagements, providers and captive centres").CheckAsync();
        await page.GetByLabel("Read scores, alerts and the portfolio").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        var shown = page.GetByTestId("new-client");
        await Assertions.Expect(shown).ToContainTextAsync("will not be shown again");
        var clientId = await page.GetByLabel("Client id").InputValueAsync();
        var secret = await page.GetByLabel("Client secret").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await Assertions.Expect(page.Locator("tr[data-client='ERP sync']")).ToContainTextAsync("Active");

        // The secret works at the identity service's token endpoint (once the identity service has heard of the client).
        var token = await Eventually.WaitAsync(
            async () =>
            {
                var answer = await portal.Client.Oidc.ClientCredentialsAsync(clientId, secret, "engagements:read risk:read");
                return answer.Succeeded ? answer : null;
            },
            TimeSpan.FromSeconds(30),
            "a token for the new client");
        using (var engagements = SourcingClient.Api(portal.Engagements, token.AccessToken))
        {
            using var response = await engagements.GetAsync(new Uri("api/engagements", UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"the client's token was refused: {(int)response.StatusCode}");
        }

        // Opened again, the page lists the client but never its secret.
        await page.GotoAsync(new Uri(portal.Portal, "settings/api-clients").ToString());
        await Assertions.Expect(page.Locator("tr[data-client='ERP sync']")).ToContainTextAsync(clientId);
        await Assertions.Expect(page.GetByTestId("new-client")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        // Revoked after a second question: it gets no more tokens.
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke ERP sync" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke ERP sync" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ERP sync was revoked." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-client='ERP sync']")).ToContainTextAsync("Revoked");
        await Eventually.WaitAsync(
            async () => !(await portal.Client.Oidc.ClientCredentialsAsync(clientId, secret, "engagements:read")).Succeeded,
            TimeSpan.FromSeconds(30),
            "the revoked client to be refused a token");
    }

    [Fact]
    public async Task A_viewer_sees_the_settings_and_members_but_no_edit_controls_and_is_told_what_only_admins_see()
    {
        var tenant = await portal.SignUpAsync("Read Only Readers Ltd");
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, viewerEmail, "Vic Viewer", "viewer", PortalFixture.StrongPassword);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Portal.ToString());
        await portal.LogInAsync(page, viewerEmail, PortalFixture.StrongPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Scores and policy · Settings · Sourcing");
        await Assertions.Expect(page.GetByTestId("read-only")).ToHaveTextAsync("Only administrators can change these settings.");
        await Assertions.Expect(page.GetByTestId("riskWeights")).ToContainTextAsync("Quality weight");
        await Assertions.Expect(page.GetByTestId("riskWeights")).ToContainTextAsync("0.4");
        await Assertions.Expect(page.GetByTestId("policy")).ToContainTextAsync("Legal");

        await page.GotoAsync(new Uri(portal.Portal, "settings/members").ToString());
        await Assertions.Expect(page.GetByTestId("members").Locator($"tr[data-member='{tenant.AdminEmail}']")).ToContainTextAsync("Administrator");
        await Assertions.Expect(page.GetByTestId("members").Locator($"tr[data-member='{viewerEmail}']")).ToContainTextAsync("Viewer");
        await Assertions.Expect(page.GetByTestId("invitations-refused")).ToHaveTextAsync("Only administrators can see and send invitations.");

        await page.GotoAsync(new Uri(portal.Portal, "settings/api-clients").ToString());
        await Assertions.Expect(page.GetByTestId("clients-refused")).ToHaveTextAsync("Only administrators can see and manage API clients.");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("{");

        await page.GotoAsync(new Uri(portal.Portal, "settings/countries").ToString());
        await Assertions.Expect(page.GetByTestId("no-overrides")).ToBeVisibleAsync();

        // No page offers a way to change anything: no field, no button inside the page.
        foreach (var path in SettingsPages)
        {
            await page.GotoAsync(new Uri(portal.Portal, path).ToString());
            await Assertions.Expect(page.Locator("main input:not([type=hidden]), main select, main textarea, main button")).ToHaveCountAsync(0);
        }
    }

    /// <summary>The input labelled exactly so (a legend or a longer label may share its words).</summary>
    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private async Task<JsonElement> SettingsAsync(string accessToken)
    {
        using var api = portal.Client.Api(accessToken);
        using var response = await api.GetAsync(new Uri("api/tenant", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET api/tenant answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> CountryAsync(string accessToken, string code)
    {
        using var api = SourcingClient.Api(portal.Risk, accessToken);
        using var response = await api.GetAsync(new Uri($"api/risk/countries/{code}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET countries/{code} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
