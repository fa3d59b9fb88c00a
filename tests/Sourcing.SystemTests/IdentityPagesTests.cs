using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>The account pages as a person meets them: labelled fields, readable messages, pickers, a next step after sign-up.</summary>
[Collection(SystemCollection.Name)]
public sealed class IdentityPagesTests(SystemFixture system)
{
    private const string WeakPassword = "weakpassword";

    [Fact]
    public async Task The_reset_password_page_labels_its_username_field_and_names_what_a_weak_password_lacks_in_plain_words()
    {
        var tenant = await system.NewTenantAsync();
        using var browser = new Browser();
        var forgot = await browser.GetAsync(new Uri(system.Identity, "account/forgot-password"));
        var form = OidcClient.FindForm(forgot.Html, "Email")!;
        var fields = OidcClient.FormFields(form);
        fields["Email"] = tenant.AdminEmail;
        await browser.FollowAsync(HttpMethod.Post, new Uri(forgot.Url, form.GetAttribute("action") ?? ""), fields, null);
        var mail = await system.Client.Mail.WaitForEmailAsync(tenant.AdminEmail, "reset", TimeSpan.FromSeconds(30));

        var page = await browser.GetAsync(MailDevClient.FindLink(mail, "reset-password"));
        AssertLabelledUsername(page.Html, tenant.AdminEmail);

        var answer = await PostWeakPasswordAsync(browser, page);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertPlainPasswordMessages(answer.Html);
        AssertLabelledUsername(answer.Html, tenant.AdminEmail);
    }

    [Fact]
    public async Task The_invitation_page_labels_its_username_field_and_names_what_a_weak_password_lacks_in_plain_words()
    {
        var tenant = await system.NewTenantAsync();
        using var admin = system.Api(tenant.AccessToken);
        var email = SystemFixture.UniqueEmail("invitee");
        using (var invited = await admin.PostAsJsonAsync("api/invitations", new { email, role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        var link = MailDevClient.FindLink(await system.Client.Mail.WaitForEmailAsync(email, "invit", TimeSpan.FromSeconds(30)), "accept-invitation");
        using var browser = new Browser();
        var page = await browser.GetAsync(link);
        AssertLabelledUsername(page.Html, email);

        var answer = await PostWeakPasswordAsync(browser, page, ("Name", "Wendy Weak"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertPlainPasswordMessages(answer.Html);
    }

    [Fact]
    public async Task The_sign_up_page_offers_country_and_currency_pickers_reads_plainly_and_leads_to_a_sign_in_form_with_a_next_step()
    {
        using var browser = new Browser();
        var page = await browser.GetAsync(new Uri(system.Identity, "account/signup"));
        var document = new HtmlParser().ParseDocument(page.Html);
        AssertPicker(document, "HqCountry", "DE", "Germany");
        AssertPicker(document, "ReportingCurrency", "EUR", "Euro");
        Assert.Null(document.QuerySelector("input[name=HqCountry]"));
        Assert.Null(document.QuerySelector("input[name=ReportingCurrency]"));

        var email = SystemFixture.UniqueEmail("signup-page");
        var weak = await PostSignUpAsync(browser, page, email, WeakPassword);
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        AssertPlainPasswordMessages(weak.Html);
        var kept = new HtmlParser().ParseDocument(weak.Html);
        Assert.Equal("DE", kept.QuerySelector("select[name=HqCountry] option[selected]")?.GetAttribute("value"));

        var done = await PostSignUpAsync(browser, weak, email, SystemFixture.StrongPassword);
        Assert.Equal(HttpStatusCode.Created, done.Status);
        var next = new HtmlParser().ParseDocument(done.Html).QuerySelectorAll("a").Single(a => a.TextContent == "Sign in").GetAttribute("href")!;
        var login = await browser.GetAsync(new Uri(done.Url, next));
        Assert.Equal(HttpStatusCode.OK, login.Status);
        var loginDocument = new HtmlParser().ParseDocument(login.Html);
        Assert.Contains("signed up", loginDocument.QuerySelector("[role=status]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(email, loginDocument.QuerySelector("input[name=Email]")?.GetAttribute("value"));
        Assert.NotNull(loginDocument.QuerySelector("input[name=Password]"));
    }

    private static async Task<BrowserPage> PostSignUpAsync(Browser browser, BrowserPage page, string email, string password)
    {
        var form = OidcClient.FindForm(page.Html, "CompanyName")!;
        var fields = OidcClient.FormFields(form);
        fields["CompanyName"] = "Picker Test GmbH";
        fields["HqCountry"] = "DE";
        fields["ReportingCurrency"] = "EUR";
        fields["TimeZone"] = "Europe/Berlin";
        fields["AdminName"] = "Petra Picker";
        fields["AdminEmail"] = email;
        fields["AdminPassword"] = password;
        return await browser.FollowAsync(HttpMethod.Post, new Uri(page.Url, form.GetAttribute("action") ?? ""), fields, null);
    }

    private static async Task<BrowserPage> PostWeakPasswordAsync(Browser browser, BrowserPage page, params (string Name, string Value)[] more)
    {
        var form = OidcClient.FindForm(page.Html, "Password")!;
        var fields = OidcClient.FormFields(form);
        fields["Password"] = WeakPassword;
        fields["ConfirmPassword"] = WeakPassword;
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return await browser.FollowAsync(HttpMethod.Post, new Uri(page.Url, form.GetAttribute("action") ?? ""), fields, null);
    }

    /// <summary>The username field password managers need is a real, labelled field (axe "label"), holding the account's e-mail.</summary>
    private static void AssertLabelledUsername(string html, string email)
    {
        var document = new HtmlParser().ParseDocument(html);
        var input = document.QuerySelector("input[name=username]");
        Assert.NotNull(input);
        Assert.False(input.HasAttribute("hidden"), "the username field is hidden");
        Assert.NotEqual("hidden", input.GetAttribute("type"));
        Assert.Equal("username", input.GetAttribute("autocomplete"));
        Assert.Equal(email, input.GetAttribute("value"));
        Assert.False(string.IsNullOrEmpty(input.Id), "the username field has no id for a label");
        var label = document.QuerySelector($"label[for='{input.Id}']");
        Assert.NotNull(label);
        Assert.False(string.IsNullOrWhiteSpace(label.TextContent));
    }

    /// <summary>"Password must have at least one digit", never "Password Passwords must ..." nor a bare "must ...".</summary>
    private static void AssertPlainPasswordMessages(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var messages = document.QuerySelectorAll(".field-error, .error-summary li").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(messages, m => m.Contains("Password must have at least one digit", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Password must have at least one uppercase", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Passwords", StringComparison.Ordinal) || m.StartsWith("must", StringComparison.Ordinal));
    }

    private static void AssertPicker(IDocument document, string name, string code, string englishName)
    {
        var select = document.QuerySelector($"select[name={name}]");
        Assert.NotNull(select);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector($"label[for='{select.Id}']")?.TextContent));
        var option = select.QuerySelector($"option[value='{code}']");
        Assert.NotNull(option);
        Assert.Contains(englishName, option.TextContent, StringComparison.Ordinal);
        Assert.True(select.QuerySelectorAll("option").Length > 100, $"{name} offers only a few choices");
    }
}
