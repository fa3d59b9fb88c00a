using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Sourcing.Contracts;
using Sourcing.Identity.Accounts;
using Sourcing.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>The claims of a person's tokens, always read from the account (so a role change shows at the next refresh).</summary>
internal static class UserClaims
{
    /// <summary>Kept in authorization codes and refresh tokens only (no destination), to reject them after a password reset or removal.</summary>
    public const string SecurityStamp = "sourcing_security_stamp";

    public static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    public static ClaimsIdentity WithUser(this ClaimsIdentity identity, ApplicationUser user, IdentityServerOptions options)
    {
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(TenantClaims.TenantId, user.TenantId.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(SecurityStamp, user.SecurityStamp)
            .SetClaims(Claims.Role, options.IsPlatformAdmin(user.Email) ? [user.Role, Roles.PlatformAdmin] : [user.Role]);
        identity.SetDestinations(DestinationsOf);
        return identity;
    }

    /// <summary>Claims without a destination are left out of the tokens; identity tokens get what the scopes ask for.</summary>
    public static IEnumerable<string> DestinationsOf(Claim claim)
    {
        var identity = claim.Subject;
        return claim.Type switch
        {
            Claims.Subject or TenantClaims.TenantId => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when identity?.HasScope(Scopes.Email) == true => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name when identity?.HasScope(Scopes.Profile) == true => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role when identity?.HasScope(Scopes.Roles) == true => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email or Claims.Name or Claims.Role => [Destinations.AccessToken],
            _ => [],
        };
    }
}
