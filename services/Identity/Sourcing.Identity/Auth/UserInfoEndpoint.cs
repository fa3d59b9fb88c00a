using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sourcing.Contracts;
using Sourcing.Identity.Accounts;
using Sourcing.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>The userinfo endpoint (passthrough): the account's current claims, as far as the token's scopes allow.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<Results<Ok<Dictionary<string, object>>, ChallengeHttpResult>> Handle(
        HttpContext context, UserManager<ApplicationUser> users, IOptions<IdentityServerOptions> options)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (principal is null || user is null || user.Disabled)
        {
            return OpenIddictResults.Challenge(Errors.InvalidToken, "The access token is no longer valid.");
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.Id.ToString(),
            [TenantClaims.TenantId] = user.TenantId.ToString(),
        };
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email!;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.Name;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = options.Value.IsPlatformAdmin(user.Email) ? new[] { user.Role, Roles.PlatformAdmin } : new[] { user.Role };
        }

        return TypedResults.Ok(claims);
    }
}
