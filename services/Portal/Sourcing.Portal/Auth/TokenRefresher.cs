using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Sourcing.Portal.Auth;

/// <summary>
/// Keeps the session's access token fresh: when a page is requested and the token has less than
/// <see cref="PortalOptions.RefreshBefore"/> left, it is exchanged at the token endpoint with the
/// refresh token, and the cookie is rewritten with the new tokens. A refused refresh (the account
/// was removed, the session revoked) ends the session, so the next page asks for a login.
/// </summary>
public sealed partial class TokenRefresher(
    PortalOptions options,
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    TimeProvider clock,
    ILogger<TokenRefresher> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Only pages call the APIs; static files and the account endpoints would only race each other for the refresh.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            return;
        }

        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (!DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (expires - now > options.RefreshBefore)
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var message = refreshToken is null ? null : await RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (message is null || message.AccessToken is null)
        {
            LogRefreshRefused(logger, message?.Error ?? "no refresh token");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.UpdateTokenValue("access_token", message.AccessToken);
        if (message.RefreshToken is { Length: > 0 })
        {
            context.Properties.UpdateTokenValue("refresh_token", message.RefreshToken);
        }

        if (message.IdToken is { Length: > 0 })
        {
            context.Properties.UpdateTokenValue("id_token", message.IdToken);
        }

        if (int.TryParse(message.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            context.Properties.UpdateTokenValue("expires_at", now.AddSeconds(seconds).ToString("o", CultureInfo.InvariantCulture));
        }

        context.ShouldRenew = true;
        LogRefreshed(logger, seconds);
    }

    private async Task<OpenIdConnectMessage?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var oidc = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = oidc.ClientId!,
                ["refresh_token"] = refreshToken,
            }),
        };
        using var response = await oidc.Backchannel.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var message = new OpenIdConnectMessage(body);
            return response.IsSuccessStatusCode ? message : new OpenIdConnectMessage { Error = message.Error ?? $"status {(int)response.StatusCode}" };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new OpenIdConnectMessage { Error = $"status {(int)response.StatusCode}, not JSON" };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed the session's access token (valid for {Seconds} s)")]
    private static partial void LogRefreshed(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity service refused to refresh the session ({Error}): the session ends")]
    private static partial void LogRefreshRefused(ILogger logger, string error);
}
