using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sourcing.Identity.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>
/// The authorization endpoint (passthrough): sends the browser to the login page until someone is
/// signed in, then issues the code for the signed-in account. Consent is implicit (first-party portal).
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<Results<SignInHttpResult, ChallengeHttpResult, ForbidHttpResult>> Handle(
        HttpContext context,
        UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn,
        IOptions<IdentityServerOptions> options,
        TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        var allowed = user is not null && await signIn.CanSignInAsync(user);
        var tooOld = request.MaxAge is { } maxAge && cookie.Properties?.IssuedUtc is { } issued
            && clock.GetUtcNow() - issued > TimeSpan.FromSeconds(maxAge);

        if (!allowed || tooOld || request.HasPromptValue(PromptValues.Login))
        {
            if (user is not null && !allowed)
            {
                await signIn.SignOutAsync();
            }

            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Forbid(Errors.LoginRequired, "The user is not logged in.");
            }

            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = AuthorizeUrlWithoutLoginPrompt(context.Request) },
                [IdentityConstants.ApplicationScheme]);
        }

        var identity = UserClaims.NewIdentity();
        identity.SetScopes(request.GetScopes());
        identity.SetResources(ServerScopes.AudiencesOf(request.GetScopes()));
        identity.WithUser(user!, options.Value);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The same authorization request (a POSTed one as a query), minus <c>prompt=login</c> so the login does not loop.</summary>
    private static string AuthorizeUrlWithoutLoginPrompt(HttpRequest request)
    {
        var parameters = (request.HasFormContentType ? request.Form.AsEnumerable() : request.Query.AsEnumerable())
            .Where(p => p.Key != Parameters.Prompt)
            .ToList();
        var prompt = string.Join(' ', request.Query[Parameters.Prompt].Concat(request.HasFormContentType ? request.Form[Parameters.Prompt] : StringValues.Empty)
            .SelectMany(v => (v ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(v => v != PromptValues.Login));
        if (prompt.Length > 0)
        {
            parameters.Add(new(Parameters.Prompt, prompt));
        }

        return request.PathBase + request.Path + QueryString.Create(parameters);
    }
}
