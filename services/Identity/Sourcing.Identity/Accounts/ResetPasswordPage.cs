using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Sourcing.Identity.Pages;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Accounts;

/// <summary><c>/account/reset-password?email=&amp;token=</c>: choose a new password with the e-mailed link; also lifts a lockout.</summary>
internal static class ResetPasswordPage
{
    public sealed class ResetPasswordForm
    {
        public string? Email { get; set; }

        public string? Token { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public static ContentHttpResult Show(HttpContext context, string? email, string? token) =>
        string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token)
            ? InvalidLink(context)
            : Form(context, new FormErrors(), email, token);

    public static async Task<ContentHttpResult> Submit(HttpContext context, [FromForm] ResetPasswordForm form, UserManager<ApplicationUser> users)
    {
        var user = string.IsNullOrEmpty(form.Email) ? null : await users.FindByEmailAsync(form.Email);
        var token = Decode(form.Token);
        if (user is null || user.Disabled || token is null)
        {
            return InvalidLink(context);
        }

        var errors = new FormErrors();
        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add("Password", "Enter a new password.");
        }
        else
        {
            foreach (var message in await PasswordRules.CheckAsync(users, user, form.Password))
            {
                errors.Add("Password", PasswordRules.Sentence(message));
            }
        }

        if (form.Password != form.ConfirmPassword)
        {
            errors.Add("ConfirmPassword", "The two passwords do not match.");
        }

        if (errors.Any)
        {
            return Form(context, errors, form.Email!, form.Token!, StatusCodes.Status400BadRequest);
        }

        var result = await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            return InvalidLink(context);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return HtmlPage.Message(context, "Your password is changed", "You can now sign in with your new password.",
            linkHref: "/account/login", linkText: "Sign in");
    }

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ContentHttpResult InvalidLink(HttpContext context) =>
        HtmlPage.Message(context, "This link does not work",
            "The password reset link is not valid or has expired. Ask for a new one.",
            StatusCodes.Status400BadRequest, "/account/forgot-password", "Ask for a new link");

    private static ContentHttpResult Form(HttpContext context, FormErrors errors, string email, string token, int status = StatusCodes.Status200OK)
    {
        var body = $"""
            <h1>Choose a new password</h1>
            {FormHtml.ErrorSummary(errors)}
            <form method="post" action="/account/reset-password" novalidate>
            {FormHtml.Antiforgery(context)}
            {FormHtml.Hidden("Email", email)}
            {FormHtml.Hidden("Token", token)}
            {FormHtml.AccountName(email)}
            {FormHtml.Input("Password", "New password", "password", "new-password", errors, hint: "At least 10 characters, with a digit, an upper-case and a lower-case letter.")}
            {FormHtml.Input("ConfirmPassword", "Confirm the new password", "password", "new-password", errors)}
            <button type="submit">Change my password</button>
            </form>
            """;
        return Render(context, "Choose a new password", body, status);
    }
}
