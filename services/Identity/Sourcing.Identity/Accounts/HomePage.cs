using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Identity.Pages;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Accounts;

/// <summary><c>/</c>: who is signed in here, with the ways onwards. People normally arrive from the portal instead.</summary>
internal static class HomePage
{
    public static ContentHttpResult Show(HttpContext context)
    {
        var body = context.User.Identity?.IsAuthenticated == true
            ? $"""<h1>Sourcing account</h1><p>You are signed in as {Encode(context.User.Identity.Name)}.</p><p><a href="/account/logout">Sign out</a></p>"""
            : """<h1>Sourcing account</h1><p>You are not signed in.</p><p><a href="/account/login">Sign in</a> or <a href="/account/signup">sign up your company</a>.</p>""";
        return Render(context, "Sourcing account", body);
    }
}
