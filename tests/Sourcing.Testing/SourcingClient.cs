using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sourcing.Testing;

/// <summary>
/// The public flows a company goes through, over HTTP: sign up, log in, invite and join. Shared by
/// the system tests and the demo seeder so both drive the product the same way a person does.
/// </summary>
public sealed class SourcingClient(Uri identity, Uri tenants, Uri mailDev)
{
    public Uri Identity { get; } = identity;

    public Uri Tenants { get; } = tenants;

    public OidcClient Oidc { get; } = new(identity);

    public MailDevClient Mail { get; } = new(mailDev);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<HttpResponseMessage> PostSignUpAsync(object body, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        return await http.PostAsJsonAsync(new Uri(Identity, "api/signup"), body, Json, cancellationToken);
    }

    /// <summary>Signs a company up, logs its admin in, and waits until the tenants service knows the tenant.</summary>
    public async Task<SignedUpTenant> SignUpAsync(
        string company, string country, string currency, string timeZone, string adminName, string adminEmail, string adminPassword,
        CancellationToken cancellationToken = default)
    {
        using var response = await PostSignUpAsync(
            new
            {
                companyName = company,
                hqCountry = country,
                reportingCurrency = currency,
                timeZone,
                adminName,
                adminEmail,
                adminPassword,
            },
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Sign-up answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var created = await response.Content.ReadFromJsonAsync<SignUpResponse>(Json, cancellationToken)
            ?? throw new InvalidOperationException("Sign-up answered no body.");
        var tokens = await Oidc.LoginAsync(adminEmail, adminPassword, cancellationToken: cancellationToken);
        await Eventually.WaitAsync(
            async () =>
            {
                using var api = Api(tokens.AccessToken!);
                using var tenant = await api.GetAsync("api/tenant", cancellationToken);
                return tenant.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            $"the tenants service to register {company}");
        return new SignedUpTenant(created.TenantId, created.UserId, adminEmail, adminPassword, tokens);
    }

    /// <summary>An admin invites someone; the e-mail's link is followed and a password set; the person then logs in.</summary>
    public async Task<JoinedMember> InviteAndJoinAsync(
        string adminAccessToken, string email, string name, string role, string password, CancellationToken cancellationToken = default)
    {
        using var api = Api(adminAccessToken);
        using var invited = await api.PostAsJsonAsync("api/invitations", new { email, role }, Json, cancellationToken);
        if (invited.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Invitation answered {(int)invited.StatusCode}: {await invited.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var mail = await Mail.WaitForEmailAsync(email, "invit", TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        var link = MailDevClient.FindLink(mail, "accept-invitation");
        var page = await AcceptInvitationAsync(link, name, password, cancellationToken);
        if ((int)page.Status >= 400)
        {
            throw new InvalidOperationException($"Accepting the invitation answered {(int)page.Status}: {page.Html}");
        }

        var tokens = await Oidc.LoginAsync(email, password, cancellationToken: cancellationToken);
        return new JoinedMember(email, password, tokens);
    }

    /// <summary>Opens an invitation link and posts its form; returns the page the server answered with.</summary>
    public static async Task<BrowserPage> AcceptInvitationAsync(Uri link, string name, string password, CancellationToken cancellationToken = default)
    {
        using var browser = new Browser();
        var page = await browser.GetAsync(link, cancellationToken);
        var form = OidcClient.FindForm(page.Html, "Password");
        if (form is null)
        {
            return page;
        }

        var fields = OidcClient.FormFields(form);
        fields["Name"] = name;
        fields["Password"] = password;
        fields["ConfirmPassword"] = password;
        var action = new Uri(page.Url, form.GetAttribute("action") ?? page.Url.ToString());
        return await browser.FollowAsync(HttpMethod.Post, action, fields, null, cancellationToken);
    }

    public HttpClient Api(string accessToken) => Api(Tenants, accessToken);

    public static HttpClient Api(Uri baseAddress, string? accessToken)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }
}

public sealed record SignUpResponse(Guid TenantId, Guid UserId);

public sealed record SignedUpTenant(Guid TenantId, Guid AdminUserId, string AdminEmail, string AdminPassword, TokenResponse Tokens)
{
    public string AccessToken => Tokens.AccessToken!;
}

public sealed record JoinedMember(string Email, string Password, TokenResponse Tokens)
{
    public string AccessToken => Tokens.AccessToken!;
}
