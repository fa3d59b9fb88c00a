using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Auth;

/// <summary>
/// JWT bearer validation against the identity service's discovery document, with this API as the
/// required audience, and the shared policies.
/// </summary>
public static class ApiAuthenticationExtensions
{
    public static WebApplicationBuilder AddApiAuthentication(this WebApplicationBuilder builder, string audience)
    {
        builder.Services.AddOptions<IdentityAuthorityOptions>()
            .Bind(builder.Configuration.GetSection(IdentityAuthorityOptions.Section))
            .Validate(o => Uri.TryCreate(o.Authority, UriKind.Absolute, out _), "Identity:Authority must be an absolute URL.")
            .ValidateOnStart();

        builder.Services.AddOptions<TokenRevocationOptions>()
            .Bind(builder.Configuration.GetSection(TokenRevocationOptions.Section))
            .Validate(o => o.RetainFor > TimeSpan.Zero, "TokenRevocation:RetainFor must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TokenRevocations>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityAuthorityOptions>>((options, identity) =>
            {
                options.Authority = identity.Value.Authority;
                options.Audience = audience;
                options.RequireHttpsMetadata = identity.Value.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                // Retry the discovery document soon when the identity service was not up yet.
                options.RefreshInterval = TimeSpan.FromSeconds(10);
                options.TokenValidationParameters.NameClaimType = TenantClaims.Name;
                options.TokenValidationParameters.RoleClaimType = TenantClaims.Role;
                options.TokenValidationParameters.ValidAudience = audience;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                // RFC 8725 (JWT best current practices), 3.1: accept only the algorithm the identity service signs with.
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                options.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevokedAsync };
            });

        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(
            "v1", options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(TenantClaims.TenantId)
                .RequireAssertion(c => HasRole(c.User, Roles.Admin, Roles.VendorManager, Roles.Viewer)
                    || HasScope(c.User, $"{audience}:read", $"{audience}:write")))
            .AddPolicy(Policies.Write, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(TenantClaims.TenantId)
                .RequireAssertion(c => HasRole(c.User, Roles.Admin, Roles.VendorManager)
                    || HasScope(c.User, $"{audience}:write")))
            .AddPolicy(Policies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(TenantClaims.TenantId)
                .RequireAssertion(c => HasRole(c.User, Roles.Admin)))
            .AddPolicy(Policies.PlatformAdmin, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(TenantClaims.Role, Roles.PlatformAdmin));
        return builder;
    }

    /// <summary>A token whose subject was removed, revoked or changed role after it was issued is refused (401).</summary>
    private static Task RefuseRevokedAsync(TokenValidatedContext context)
    {
        var revocations = context.HttpContext.RequestServices.GetRequiredService<TokenRevocations>();
        if (context.SecurityToken is JsonWebToken jwt
            && context.Principal?.FindTenantId() is { } tenantId
            && !string.IsNullOrEmpty(jwt.Subject)
            && revocations.IsRevoked(tenantId, jwt.Subject, new DateTimeOffset(DateTime.SpecifyKind(jwt.IssuedAt, DateTimeKind.Utc))))
        {
            context.Fail("The token was issued before its subject was removed, revoked or given another role.");
        }

        return Task.CompletedTask;
    }

    private static bool HasRole(ClaimsPrincipal user, params string[] roles) =>
        user.FindAll(TenantClaims.Role).Any(c => roles.Contains(c.Value, StringComparer.Ordinal));

    private static bool HasScope(ClaimsPrincipal user, params string[] scopes) =>
        user.Scopes().Any(s => scopes.Contains(s, StringComparer.Ordinal));
}
