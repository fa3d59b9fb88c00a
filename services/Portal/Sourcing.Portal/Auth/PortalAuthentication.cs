using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Sourcing.Portal.Auth;

/// <summary>
/// The portal as a backend for the browser: a cookie session holding the tokens, OpenID Connect
/// (authorization code + PKCE) to the identity service, a quiet refresh before the access token
/// expires, and a logout that ends the session at the identity service too.
/// </summary>
public static class PortalAuthentication
{
    public const string SessionCookie = "sourcing.portal";

    /// <summary>Scopes the portal asks for: the person, their roles, a refresh token, and every API it calls.</summary>
    public static readonly IReadOnlyList<string> Scopes =
        ["openid", "profile", "email", "roles", "offline_access", "tenants", "engagements", "sla", "risk"];

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var options = PortalOptions.Read(builder.Configuration);
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(PortalOptions), typeof(PortalOptions), problems);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenRefresher>();

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("sourcing-portal");
        if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            // Sessions survive a restart (and several instances share them).
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, builder.Environment.ContentRootPath)));
        }

        var authority = new Uri(options.Authority, UriKind.Absolute);
        var plainHttp = authority.Scheme == Uri.UriSchemeHttp;
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                o.DefaultSignOutScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.AccessDeniedPath = "/access-denied";
                o.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>().ValidateAsync(context);
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = authority.ToString();
                o.RequireHttpsMetadata = !plainHttp;
                o.ClientId = options.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // A redirect (GET) back to the portal, so the Lax cookies of the handshake travel with it.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                if (plainHttp)
                {
                    // Development and tests only: in production the identity service and the portal are https.
                    o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }

                o.SignedOutRedirectUri = "/signed-out";
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary><c>/account/login</c> starts a login; <c>POST /account/logout</c> ends the session here and at the identity service.</summary>
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet("/account/login", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();

        // A form post with the antiforgery token (checked by the antiforgery middleware, as the endpoint reads the form),
        // so that a link on another site cannot sign anyone out.
        app.MapPost("/account/logout", ([Microsoft.AspNetCore.Mvc.FromForm] LogoutForm form) =>
            {
                _ = form;
                // The cookie first, then OpenID Connect: a redirect to the identity service's end-session endpoint
                // with the id token as a hint; it ends the login there and sends the browser back to
                // /signout-callback-oidc, then to /signed-out.
                return TypedResults.SignOut(
                    new AuthenticationProperties { RedirectUri = "/signed-out" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            })
            .RequireAuthorization();
        return app;
    }

    private static string LocalUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}

/// <summary>The logout form carries nothing but its antiforgery token.</summary>
public sealed record LogoutForm(string? Reason = null);
