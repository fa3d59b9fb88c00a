using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>The OpenID Connect server, configured in one place.</summary>
public static class OpenIddictServerExtensions
{
    public static WebApplicationBuilder AddOpenIdConnectServer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityServerOptions.Section);
        builder.Services.AddOptions<IdentityServerOptions>()
            .Bind(section)
            .Validate(o => Uri.TryCreate(o.Issuer, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "Identity:Issuer must be an absolute http(s) URL.")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero, "Token lifetimes must be positive.")
            .Validate(o => o.Portal.EffectiveRedirectUris.All(u => Uri.TryCreate(u, UriKind.Absolute, out _)), "Identity:Portal:RedirectUris must be absolute URLs.")
            .ValidateOnStart();

        // The server needs its issuer and keys while it is being configured, so they are read here too.
        var options = section.Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("Identity:Issuer must be an absolute http(s) URL.");
        }

        var keys = ServerKeys.Load(options, builder.Environment);
        builder.Services.AddSingleton(keys);

        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDb>();
                core.ReplaceApplicationManager(typeof(HashedSecretApplicationManager<>));
            })
            .AddServer(server =>
            {
                server.SetIssuer(options.IssuerUri)
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetRevocationEndpointUris("connect/revoke");

                server.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .RequireProofKeyForCodeExchange()
                    // S256 only: "plain" gives no protection if the authorization request leaks.
                    .Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.RegisterScopes([.. ServerScopes.All])
                    .RegisterClaims(Claims.Subject, TenantClaims.TenantId, Claims.Role, Claims.Email, Claims.Name, Claims.Scope);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                server.AddSigningKey(keys.Signing)
                    .AddEncryptionKey(keys.Encryption)
                    // The APIs validate plain signed JWTs from the discovery document's keys.
                    .DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (options.IssuerUri.Scheme == Uri.UriSchemeHttp)
                {
                    // Development and tests only: in production the issuer is https.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddHostedService<ClientRegistration>();
        builder.Services.AddHostedService<TokenPruning>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenIdConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("connect").WithTags("OpenID Connect").ExcludeFromDescription();
        connect.MapMethods("authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle)
            .WithName("Authorize").WithSummary("OpenID Connect authorization endpoint (code + PKCE).");
        connect.MapPost("token", TokenEndpoint.Handle)
            .WithName("Token").WithSummary("Token endpoint: authorization code, refresh token, client credentials.");
        connect.MapMethods("logout", [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.Handle)
            .WithName("EndSession").WithSummary("End-session (logout) endpoint.");
        connect.MapMethods("userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.Handle)
            .WithName("UserInfo").WithSummary("The signed-in account's claims.");
        return app;
    }
}
