using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Sourcing.Identity.Pages;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Accounts;

/// <summary>
/// <c>/account/login</c>: e-mail and password, lockout after 5 failures for 15 minutes, disabled
/// accounts refused; on success, back to the (local) ReturnUrl, usually the authorization request.
/// </summary>
internal static class LoginPage
{
    public sealed class LoginForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public static ContentHttpResult Show(
        HttpContext context, [FromQuery(Name = "ReturnUrl")] string? returnUrl, [FromQuery(Name = "email")] string? email, [FromQuery(Name = "signedUp")] bool? signedUp) =>
        Form(context, new FormErrors(), email, returnUrl, notice: signedUp == true
            ? "Your company is signed up and you are its administrator. Sign in with the e-mail address and password you chose."
            : null);

    /// <summary>Where the sign-up page sends the new administrator: this form, with a word of what happened and the e-mail filled in.</summary>
    public static string AfterSignUp(string email, string? returnUrl = null) =>
        WithReturnUrl($"/account/login?signedUp=true&email={Uri.EscapeDataString(email)}", returnUrl);

    /// <summary>The path with the (local) ReturnUrl added, so signing up or in from here still ends where the person was going.</summary>
    public static string WithReturnUrl(string path, string? returnUrl) =>
        LocalUrl.IsLocal(returnUrl) ? $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}ReturnUrl={Uri.EscapeDataString(returnUrl!)}" : path;

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Submit(
        HttpContext context, [FromForm] LoginForm form, SignInManager<ApplicationUser> signIn)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            errors.Add(nameof(form.Email), "Enter your e-mail address.");
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(nameof(form.Password), "Enter your password.");
        }

        if (errors.Any)
        {
            return Form(context, errors, form.Email, form.ReturnUrl, StatusCodes.Status400BadRequest);
        }

        var result = await signIn.PasswordSignInAsync(form.Email!.Trim(), form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Redirect(LocalUrl.OrHome(form.ReturnUrl));
        }

        errors.Add(nameof(form.Email), result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes."
            : "The e-mail address or password is not correct.");
        return Form(context, errors, form.Email, form.ReturnUrl, StatusCodes.Status400BadRequest);
    }

    private static ContentHttpResult Form(
        HttpContext context, FormErrors errors, string? email, string? returnUrl, int status = StatusCodes.Status200OK, string? notice = null)
    {
        var body = $"""
            <h1>Sign in</h1>
            {(notice is null ? "" : $"<p class=\"notice\" role=\"status\">{Encode(notice)}</p>")}
            {FormHtml.ErrorSummary(errors)}
            <form method="post" action="/account/login" novalidate>
            {FormHtml.Antiforgery(context)}
            {FormHtml.Hidden("ReturnUrl", LocalUrl.IsLocal(returnUrl) ? returnUrl : null)}
            {FormHtml.Input("Email", "E-mail address", "email", "username", errors, email)}
            {FormHtml.Input("Password", "Password", "password", "current-password", errors)}
            <button type="submit">Sign in</button>
            </form>
            <p><a href="/account/forgot-password">Forgot your password?</a></p>
            <p>New to Sourcing? <a href="{Encode(WithReturnUrl("/account/signup", returnUrl))}">Sign up your company</a></p>
            """;
        return Render(context, "Sign in", body, status);
    }
}
