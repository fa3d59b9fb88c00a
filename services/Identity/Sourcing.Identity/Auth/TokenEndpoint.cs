using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sourcing.Identity.Accounts;
using Sourcing.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>
/// The token endpoint (passthrough). OpenIddict has already checked the client, the code or refresh
/// token, PKCE and the requested scopes; this re-reads the account on every code exchange and
/// refresh (rejecting removed, disabled or reset accounts) and issues API clients their tokens.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<Results<SignInHttpResult, ForbidHttpResult>> Handle(
        HttpContext context,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn,
        IOpenIddictApplicationManager applications,
        IOptions<IdentityServerOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await ForUser(context, users, signIn, options.Value);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await ForApiClient(request, applications);
        }

        return OpenIddictResults.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> ForUser(
        HttpContext context, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IdentityServerOptions options)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (principal is null || user is null || !await signIn.CanSignInAsync(user)
            || principal.GetClaim(UserClaims.SecurityStamp) != user.SecurityStamp)
        {
            return OpenIddictResults.Forbid(Errors.InvalidGrant, "The account no longer exists, is disabled, or its password was reset.");
        }

        // Keep the grant's scopes, resources and authorization; refresh the person's claims from the account.
        var identity = new ClaimsIdentity(principal.Claims, principal.Identity?.AuthenticationType, Claims.Name, Claims.Role)
            .WithUser(user, options);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> ForApiClient(
        OpenIddictRequest request, IOpenIddictApplicationManager applications)
    {
        var application = request.ClientId is { } clientId ? await applications.FindByClientIdAsync(clientId) : null;
        var tenantId = application is null ? null : await ApiClientApplications.GetTenantIdAsync(applications, application);
        if (application is null || tenantId is null)
        {
            return OpenIddictResults.Forbid(Errors.InvalidClient, "The client is not an API client of a tenant.");
        }

        var granted = (await applications.GetPermissionsAsync(application))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .ToList();
        var requested = request.GetScopes();
        var scopes = requested.IsDefaultOrEmpty ? granted : granted.Intersect(requested, StringComparer.Ordinal).ToList();

        var identity = UserClaims.NewIdentity();
        identity.SetClaim(Claims.Subject, request.ClientId)
            .SetClaim(TenantClaims.TenantId, tenantId.Value.ToString());
        identity.SetScopes(scopes);
        identity.SetResources(ServerScopes.AudiencesOf(scopes));
        identity.SetDestinations(claim => claim.Type is Claims.Subject or TenantClaims.TenantId ? [Destinations.AccessToken] : []);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
