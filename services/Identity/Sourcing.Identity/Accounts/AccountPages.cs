using Microsoft.AspNetCore.Antiforgery;

namespace Sourcing.Identity.Accounts;

/// <summary>The server-rendered account pages (no script needed): login, logout, forgot and reset password.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomePage.Show).WithName("Home").WithSummary("Who is signed in.").ExcludeFromDescription();

        var account = app.MapGroup("account").WithTags("Account pages").ExcludeFromDescription();
        account.MapGet("login", LoginPage.Show).WithName("LoginPage").WithSummary("The login form.");
        account.MapPost("login", LoginPage.Submit).WithName("Login").WithSummary("Signs in with e-mail and password.");
        account.MapGet("logout", LogoutPage.Show).WithName("LogoutPage").WithSummary("The sign-out form.");
        account.MapPost("logout", LogoutPage.Submit).WithName("Logout").WithSummary("Signs out.")
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapGet("forgot-password", ForgotPasswordPage.Show).WithName("ForgotPasswordPage").WithSummary("Asks for a reset link.");
        account.MapPost("forgot-password", ForgotPasswordPage.Submit).WithName("ForgotPassword").WithSummary("E-mails a reset link.");
        account.MapGet("reset-password", ResetPasswordPage.Show).WithName("ResetPasswordPage").WithSummary("The new-password form.");
        account.MapPost("reset-password", ResetPasswordPage.Submit).WithName("ResetPassword").WithSummary("Sets a new password.");
        return app;
    }
}
