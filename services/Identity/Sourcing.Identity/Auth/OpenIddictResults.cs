using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Server.AspNetCore;

namespace Sourcing.Identity.Auth;

/// <summary>OAuth error responses written by the OpenIddict server handler (so they follow the protocol, not ProblemDetails).</summary>
internal static class OpenIddictResults
{
    public static ForbidHttpResult Forbid(string error, string description) =>
        TypedResults.Forbid(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public static ChallengeHttpResult Challenge(string error, string description) =>
        TypedResults.Challenge(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties ErrorProperties(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
