using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sourcing.Identity.Auth;
using Sourcing.Identity.Data;
using Sourcing.Identity.Pages;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Validation;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Accounts;

/// <summary>
/// <c>/account/forgot-password</c>: e-mails a reset link (valid 2 hours) to an enabled account. The
/// answer is the same whether or not the address has an account, so the form does not reveal who does.
/// </summary>
internal static class ForgotPasswordPage
{
    public sealed class ForgotPasswordForm
    {
        public string? Email { get; set; }
    }

    public static ContentHttpResult Show(HttpContext context) => Form(context, new FormErrors(), null);

    public static async Task<ContentHttpResult> Submit(
        HttpContext context,
        [FromForm] ForgotPasswordForm form,
        UserManager<ApplicationUser> users,
        IdentityDb db,
        IOptions<IdentityServerOptions> options,
        TimeProvider clock,
        CancellationToken ct)
    {
        var email = form.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !IsoCodes.IsEmail(email))
        {
            var errors = new FormErrors();
            errors.Add("Email", "Enter a valid e-mail address.");
            return Form(context, errors, email, StatusCodes.Status400BadRequest);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is { Disabled: false })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = new Uri(options.Value.IssuerUri,
                $"account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token))}");
            db.QueueEmail(
                user.Email!,
                "Reset your Sourcing password",
                $"""<p>Hello {Encode(user.Name)},</p><p>Someone asked to reset the password of your Sourcing account. To choose a new password, open this link within 2 hours:</p><p><a href="{Encode(link.AbsoluteUri)}">Reset my password</a></p><p>If it was not you, ignore this e-mail: your password stays as it is.</p>""",
                $"Hello {user.Name},\n\nSomeone asked to reset the password of your Sourcing account. To choose a new password, open this link within 2 hours:\n\n{link.AbsoluteUri}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n",
                clock);
            await db.SaveChangesAsync(ct);
        }

        return HtmlPage.Message(context, "Check your e-mail",
            $"If {email} has a Sourcing account, we have sent it a link to reset the password. The link works for 2 hours.",
            linkHref: "/account/login", linkText: "Back to sign in");
    }

    private static ContentHttpResult Form(HttpContext context, FormErrors errors, string? email, int status = StatusCodes.Status200OK)
    {
        var body = $"""
            <h1>Forgot your password?</h1>
            {FormHtml.ErrorSummary(errors)}
            <p>Enter the e-mail address of your account and we will send you a link to choose a new password.</p>
            <form method="post" action="/account/forgot-password" novalidate>
            {FormHtml.Antiforgery(context)}
            {FormHtml.Input("Email", "E-mail address", "email", "email", errors, email)}
            <button type="submit">Send the link</button>
            </form>
            <p><a href="/account/login">Back to sign in</a></p>
            """;
        return Render(context, "Forgot your password?", body, status);
    }
}
