using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sourcing.Testing;

/// <summary>
/// Drives the identity service's OpenID Connect flows over plain HTTP, the way a browser would:
/// authorization code with PKCE (following redirects, posting the login form), refresh, and client
/// credentials. Used by the system tests and by the demo seeder.
/// </summary>
public sealed class OidcClient(Uri identity, string clientId = OidcClient.PortalClientId, string redirectUri = OidcClient.LoopbackRedirect)
{
    public const string PortalClientId = "sourcing-portal";
    public const string LoopbackRedirect = "http://127.0.0.1/callback";
    public const string DefaultScopes = "openid profile email offline_access tenants engagements sla risk";

    public Uri Identity { get; } = identity;

    /// <summary>Signs in with e-mail and password through /connect/authorize and the login page, then exchanges the code.</summary>
    public async Task<TokenResponse> LoginAsync(string email, string password, string scopes = DefaultScopes, CancellationToken cancellationToken = default)
    {
        using var browser = new Browser();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = new Uri(Identity, "connect/authorize?" + Query(new()
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scopes,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
            ["nonce"] = Base64Url(RandomNumberGenerator.GetBytes(16)),
        }));

        var page = await browser.FollowAsync(HttpMethod.Get, authorize, null, redirectUri, cancellationToken);
        if (page.RedirectedTo is null)
        {
            var form = FindForm(page.Html, "Password")
                ?? throw new LoginFailedException($"No login form at {page.Url} (status {(int)page.Status}).", page.Html);
            var fields = FormFields(form);
            fields["Email"] = email;
            fields["Password"] = password;
            var action = new Uri(page.Url, form.GetAttribute("action") ?? page.Url.ToString());
            page = await browser.FollowAsync(HttpMethod.Post, action, fields, redirectUri, cancellationToken);
        }

        if (page.RedirectedTo is not { } callback)
        {
            throw new LoginFailedException($"The login did not come back to {redirectUri} (ended at {page.Url}, status {(int)page.Status}).", page.Html);
        }

        var query = ParseQuery(callback.Query);
        if (query.TryGetValue("error", out var error))
        {
            throw new LoginFailedException($"The authorization server answered {error}: {query.GetValueOrDefault("error_description")}", "");
        }

        if (query.GetValueOrDefault("state") != state)
        {
            throw new LoginFailedException("The state did not come back unchanged.", "");
        }

        return await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"],
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        }, cancellationToken);
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId }, cancellationToken);

    public Task<TokenResponse> ClientCredentialsAsync(string id, string secret, string? scopes = null, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret };
        if (scopes is not null)
        {
            form["scope"] = scopes;
        }

        return TokenAsync(form, cancellationToken);
    }

    /// <summary>Posts to the token endpoint; a refusal is returned (not thrown) with its error.</summary>
    public async Task<TokenResponse> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(Identity, "connect/token"), content, cancellationToken);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The token endpoint answered nothing.");
        return token with { Status = response.StatusCode };
    }

    public static IHtmlFormElement? FindForm(string html, string requiredField)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.Forms.FirstOrDefault(f => f.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == requiredField));
    }

    public static Dictionary<string, string> FormFields(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not ("submit" or "button" or "checkbox"))
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value ?? "");

    public static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    private static string Query(Dictionary<string, string> values) =>
        string.Join("&", values.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription)
{
    [JsonIgnore]
    public HttpStatusCode Status { get; init; }

    public bool Succeeded => AccessToken is not null && Error is null;
}

public sealed class LoginFailedException(string message, string html) : Exception(message)
{
    public string Html { get; } = html;
}
