using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;
using Sourcing.Identity.Accounts;

namespace Sourcing.Identity.Auth;

/// <summary>
/// The end-session endpoint (passthrough): ends the login cookie and lets OpenIddict redirect to the
/// client's registered post-logout URI (or to the login page when the client gave none).
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<SignOutHttpResult> Handle(SignInManager<ApplicationUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = "/account/logout" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
