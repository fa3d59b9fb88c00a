using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sourcing.Identity.Pages;

namespace Sourcing.Identity.Accounts;

/// <summary><c>/account/logout</c>: a sign-out button (a POST, so a link on another site cannot sign you out), then a confirmation.</summary>
internal static class LogoutPage
{
    public static ContentHttpResult Show(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return HtmlPage.Message(context, "You are signed out", "You are not signed in to Sourcing.", linkHref: "/account/login", linkText: "Sign in");
        }

        var body = $"""
            <h1>Sign out</h1>
            <p>You are signed in as {HtmlPage.Encode(context.User.Identity.Name)}.</p>
            <form method="post" action="/account/logout">
            {FormHtml.Antiforgery(context)}
            <button type="submit">Sign out</button>
            </form>
            """;
        return HtmlPage.Render(context, "Sign out", body);
    }

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Submit(
        HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return HtmlPage.Message(context, "Sign out failed", "The form has expired. Please try again.", StatusCodes.Status400BadRequest, "/account/logout", "Back");
        }

        await signIn.SignOutAsync();
        return TypedResults.Redirect("/account/logout");
    }
}
