using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sourcing.Identity.Accounts;
using Sourcing.Identity.Pages;

namespace Sourcing.Identity.SignUp;

/// <summary><c>/account/signup</c>: the same sign-up as the API, as a form (field names are the API's in PascalCase).</summary>
public static class SignUpPage
{
    public sealed class SignUpForm
    {
        public string? CompanyName { get; set; }

        public string? HqCountry { get; set; }

        public string? ReportingCurrency { get; set; }

        public string? TimeZone { get; set; }

        public string? AdminName { get; set; }

        public string? AdminEmail { get; set; }

        /// <summary>Where sign-in goes after the sign-up (the portal's authorization request), carried from the login page.</summary>
        public string? ReturnUrl { get; set; }

        public string? AdminPassword { get; set; }
    }

    public static IEndpointRouteBuilder MapSignUpPage(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("account").WithTags("Account pages").ExcludeFromDescription();
        account.MapGet("signup", Show).WithName("SignUpPage").WithSummary("The sign-up form.");
        account.MapPost("signup", Submit).WithName("SignUpForm").WithSummary("Signs a company up from the form.");
        return app;
    }

    public static ContentHttpResult Show(HttpContext context, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        Form(context, new FormErrors(), new SignUpForm { ReturnUrl = returnUrl });

    public static async Task<ContentHttpResult> Submit(HttpContext context, [FromForm] SignUpForm form, CompanySignUp signUp, CancellationToken ct)
    {
        var outcome = await signUp.RegisterAsync(
            new SignUpRequest(form.CompanyName, form.HqCountry, form.ReportingCurrency, form.TimeZone, form.AdminName, form.AdminEmail, form.AdminPassword),
            ct);
        if (outcome.Created is not null)
        {
            return HtmlPage.Message(context, "Your company is signed up",
                "Your administrator account is ready. Your company's workspace is being set up and will be there in a moment.",
                StatusCodes.Status201Created, LoginPage.AfterSignUp(form.AdminEmail!, form.ReturnUrl), "Sign in");
        }

        var errors = new FormErrors();
        foreach (var (field, messages) in outcome.Errors.ToDictionary())
        {
            var name = char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                errors.Add(name, FieldMessage(Label(name), message));
            }
        }

        return Form(context, errors, form, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The API's messages are fragments that follow the field ("is required."), so the form puts the
    /// field's label in front; a message that is already a sentence stays as it is.
    /// </summary>
    internal static string FieldMessage(string label, string message) =>
        message.Length > 0 && char.IsUpper(message[0]) ? message : $"{label} {message}";

    private static string Label(string field) => field switch
    {
        nameof(SignUpForm.CompanyName) => "Company name",
        nameof(SignUpForm.HqCountry) => "Head-office country",
        nameof(SignUpForm.ReportingCurrency) => "Reporting currency",
        nameof(SignUpForm.TimeZone) => "Time zone",
        nameof(SignUpForm.AdminName) => "Your name",
        nameof(SignUpForm.AdminEmail) => "E-mail address",
        _ => "Password",
    };

    private static ContentHttpResult Form(HttpContext context, FormErrors errors, SignUpForm form, int status = StatusCodes.Status200OK)
    {
        var body = $"""
            <h1>Sign up your company</h1>
            {FormHtml.ErrorSummary(errors)}
            <form method="post" action="/account/signup" novalidate>
            {FormHtml.Antiforgery(context)}
            {FormHtml.Hidden(nameof(form.ReturnUrl), LocalUrl.IsLocal(form.ReturnUrl) ? form.ReturnUrl : null)}
            {FormHtml.Input(nameof(form.CompanyName), Label(nameof(form.CompanyName)), "text", "organization", errors, form.CompanyName)}
            {FormHtml.Select(nameof(form.HqCountry), Label(nameof(form.HqCountry)), IsoChoices.Countries.Select(c => (c.Code, $"{c.Name} ({c.Code})")).ToList(), "Choose a country", errors, form.HqCountry, "Where your company has its head office.")}
            {FormHtml.Select(nameof(form.ReportingCurrency), Label(nameof(form.ReportingCurrency)), IsoChoices.Currencies.Select(c => (c.Code, $"{c.Code} – {c.Name}")).ToList(), "Choose a currency", errors, form.ReportingCurrency, "The currency your reports and contract values are shown in.")}
            {FormHtml.Input(nameof(form.TimeZone), Label(nameof(form.TimeZone)), "text", "off", errors, form.TimeZone, "For example Europe/Berlin.")}
            {FormHtml.Input(nameof(form.AdminName), Label(nameof(form.AdminName)), "text", "name", errors, form.AdminName)}
            {FormHtml.Input(nameof(form.AdminEmail), Label(nameof(form.AdminEmail)), "email", "email", errors, form.AdminEmail)}
            {FormHtml.Input(nameof(form.AdminPassword), Label(nameof(form.AdminPassword)), "password", "new-password", errors, hint: "At least 10 characters, with a digit, an upper-case and a lower-case letter.")}
            <button type="submit">Sign up</button>
            </form>
            <p>Already have an account? <a href="{HtmlPage.Encode(LoginPage.WithReturnUrl("/account/login", form.ReturnUrl))}">Sign in</a></p>
            """;
        return HtmlPage.Render(context, "Sign up your company", body, status);
    }
}
