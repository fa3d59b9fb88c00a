using System.Net;
using System.Net.Http.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>The identity service's account pages and keys, as a person (and a restart) meets them.</summary>
[Collection(SystemCollection.Name)]
public sealed class AccountTests(SystemFixture system)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_is_refused_too()
    {
        var tenant = await system.NewTenantAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(tenant.AdminEmail, $"Wrong-Password-{attempt}9"));
        }

        var locked = await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(tenant.AdminEmail, tenant.AdminPassword));
        Assert.Contains("locked", locked.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var tenant = await system.NewTenantAsync();
        using var browser = new Browser();
        var forgot = await browser.GetAsync(new Uri(system.Identity, "account/forgot-password"));
        var form = OidcClient.FindForm(forgot.Html, "Email");
        Assert.NotNull(form);
        var fields = OidcClient.FormFields(form);
        fields["Email"] = tenant.AdminEmail;
        var sent = await browser.FollowAsync(HttpMethod.Post, new Uri(forgot.Url, form.GetAttribute("action") ?? ""), fields, null);
        Assert.Equal(HttpStatusCode.OK, sent.Status);

        var mail = await system.Client.Mail.WaitForEmailAsync(tenant.AdminEmail, "reset", TimeSpan.FromSeconds(30));
        var link = MailDevClient.FindLink(mail, "reset-password");
        var resetPage = await browser.GetAsync(link);
        var resetForm = OidcClient.FindForm(resetPage.Html, "Password");
        Assert.NotNull(resetForm);
        var resetFields = OidcClient.FormFields(resetForm);
        const string NewPassword = "Brand-New-Password-77";
        resetFields["Password"] = NewPassword;
        resetFields["ConfirmPassword"] = NewPassword;
        var done = await browser.FollowAsync(HttpMethod.Post, new Uri(resetPage.Url, resetForm.GetAttribute("action") ?? ""), resetFields, null);
        Assert.True((int)done.Status < 400, done.Html);

        await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(tenant.AdminEmail, tenant.AdminPassword));
        var tokens = await system.Client.Oidc.LoginAsync(tenant.AdminEmail, NewPassword);
        Assert.True(tokens.Succeeded);
    }

    [Fact]
    public async Task Tokens_issued_before_an_identity_restart_still_work_after_it()
    {
        var tenant = await system.NewTenantAsync();
        await system.RestartAsync("Identity");

        // The signing key is the same one: the new process publishes the old token's key id...
        using (var http = new HttpClient())
        {
            var discovery = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(system.Identity, ".well-known/openid-configuration"));
            var jwks = await http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString());
            Assert.Contains(TokenInspection.Read(tenant.AccessToken).Kid, jwks, StringComparison.Ordinal);
        }

        // ...so the access token still validates...
        using (var api = system.Api(tenant.AccessToken))
        using (var response = await api.GetAsync("api/tenant"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // ...and the refresh token still decrypts (same persisted encryption key).
        var refreshed = await system.Client.Oidc.RefreshAsync(tenant.Tokens.RefreshToken!);
        Assert.True(refreshed.Succeeded, refreshed.ErrorDescription);
        using var again = system.Api(refreshed.AccessToken);
        using var after = await again.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
