using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Identity.Accounts;
using Sourcing.Identity.Data;
using Sourcing.Identity.Pages;
using Sourcing.ServiceDefaults.Messaging;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Invitations;

/// <summary>
/// <c>/account/accept-invitation?token=</c>: the invited person chooses a name and password. In one
/// transaction the account is created with the invitation's tenant and role (or a disabled account
/// with that address is given back), the invitation is used up, and UserRegistered is queued.
/// </summary>
public static class AcceptInvitationPage
{
    public sealed class AcceptInvitationForm
    {
        public string? Token { get; set; }

        public string? Name { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public static IEndpointRouteBuilder MapInvitationPages(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("account").WithTags("Account pages").ExcludeFromDescription();
        account.MapGet("accept-invitation", Show).WithName("AcceptInvitationPage").WithSummary("The form to join a tenant.");
        account.MapPost("accept-invitation", Submit).WithName("AcceptInvitation").WithSummary("Creates the invited account.");
        return app;
    }

    public static async Task<ContentHttpResult> Show(HttpContext context, string? token, IdentityDb db, TimeProvider clock, CancellationToken ct)
    {
        var hash = string.IsNullOrEmpty(token) ? null : InvitationTokens.Hash(token);
        var invitation = hash is null ? null : await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return Unusable(context, invitation, clock.GetUtcNow())
            ?? Form(context, new FormErrors(), invitation!, token!, null);
    }

    public static async Task<ContentHttpResult> Submit(
        HttpContext context,
        [FromForm] AcceptInvitationForm form,
        IdentityDb db,
        UserManager<ApplicationUser> users,
        TimeProvider clock,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked, so two submissions of the same link cannot both use it.
        var invitation = string.IsNullOrEmpty(form.Token) ? null : (await db.Invitations
            .FromSql($"SELECT * FROM invitations WHERE token_hash = {InvitationTokens.Hash(form.Token)} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault();
        var now = clock.GetUtcNow();
        if (Unusable(context, invitation, now) is { } unusable)
        {
            return unusable;
        }

        var name = form.Name?.Trim();
        var existing = await users.FindByEmailAsync(invitation!.Email);
        if (existing is { Disabled: false })
        {
            return HtmlPage.Message(context, "You already have an account",
                $"An account with {invitation.Email} already exists, and an e-mail address can belong to one company only. Sign in with it, or ask to be invited with another address.",
                StatusCodes.Status409Conflict, "/account/login", "Sign in");
        }

        var user = existing ?? new ApplicationUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = invitation.Email,
            Email = invitation.Email,
            CreatedAt = now,
        };
        var errors = await ValidateAsync(form, name, user, users);
        if (errors.Any)
        {
            return Form(context, errors, invitation, form.Token!, form.Name, StatusCodes.Status400BadRequest);
        }

        user.TenantId = invitation.TenantId;
        user.Role = invitation.Role;
        user.Name = name!;
        user.Disabled = false;
        // The link arrived by e-mail, so the address is confirmed.
        user.EmailConfirmed = true;
        var saved = existing is null
            ? await users.CreateAsync(user, form.Password!)
            : await GiveBackAsync(users, user, form.Password!);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                errors.Add("Password", PasswordRules.Sentence(PasswordRules.Fragment(error.Description)));
            }

            return Form(context, errors, invitation, form.Token!, form.Name, StatusCodes.Status400BadRequest);
        }

        invitation.UsedAt = now;
        invitation.UpdatedAt = now;
        invitation.UserId = user.Id;
        db.AddEvent(new UserRegistered
        {
            TenantId = invitation.TenantId,
            OccurredAt = now,
            UserId = user.Id,
            Email = user.Email!,
            Name = user.Name,
            Role = user.Role,
            InvitationId = invitation.Id,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return HtmlPage.Message(context, $"Welcome to {invitation.TenantName}",
            $"Your account {user.Email} is ready.", linkHref: "/account/login", linkText: "Sign in");
    }

    /// <summary>A removed member invited again gets the same account back, with the new tenant, role and password.</summary>
    private static async Task<IdentityResult> GiveBackAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        return await users.UpdateSecurityStampAsync(user);
    }

    private static async Task<FormErrors> ValidateAsync(AcceptInvitationForm form, string? name, ApplicationUser user, UserManager<ApplicationUser> users)
    {
        var errors = new FormErrors();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("Name", "Enter your name.");
        }
        else if (name.Length > 200)
        {
            errors.Add("Name", "Your name must be at most 200 characters.");
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add("Password", "Choose a password.");
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

        return errors;
    }

    /// <summary>The error page for a link that cannot be used: 400 when unknown, 410 when used, withdrawn or expired.</summary>
    private static ContentHttpResult? Unusable(HttpContext context, Invitation? invitation, DateTimeOffset now) =>
        invitation?.StateAt(now) switch
        {
            null => HtmlPage.Message(context, "This invitation link is not valid",
                "Check that you opened the whole link from the e-mail. If you were invited again, use the newest e-mail.", StatusCodes.Status400BadRequest),
            InvitationState.Used => HtmlPage.Message(context, "This invitation has already been used",
                "The account for this invitation exists. Sign in with it.", StatusCodes.Status410Gone, "/account/login", "Sign in"),
            InvitationState.Revoked => HtmlPage.Message(context, "This invitation was withdrawn",
                $"{invitation.TenantName} withdrew this invitation. Ask {invitation.InvitedByName} if you think this is a mistake.", StatusCodes.Status410Gone),
            InvitationState.Expired => HtmlPage.Message(context, "This invitation has expired",
                $"Ask {invitation.InvitedByName} at {invitation.TenantName} to send you a new invitation.", StatusCodes.Status410Gone),
            _ => null,
        };

    private static ContentHttpResult Form(HttpContext context, FormErrors errors, Invitation invitation, string token, string? name, int status = StatusCodes.Status200OK)
    {
        var body = $"""
            <h1>Join {Encode(invitation.TenantName)}</h1>
            {FormHtml.ErrorSummary(errors)}
            <p>{Encode(invitation.InvitedByName)} invited you to Sourcing as {Encode(invitation.Role)}. Your account will be <strong>{Encode(invitation.Email)}</strong>.</p>
            <form method="post" action="/account/accept-invitation" novalidate>
            {FormHtml.Antiforgery(context)}
            {FormHtml.Hidden("Token", token)}
            {FormHtml.AccountName(invitation.Email)}
            {FormHtml.Input("Name", "Your name", "text", "name", errors, name)}
            {FormHtml.Input("Password", "Password", "password", "new-password", errors, hint: "At least 10 characters, with a digit, an upper-case and a lower-case letter.")}
            {FormHtml.Input("ConfirmPassword", "Confirm the password", "password", "new-password", errors)}
            <button type="submit">Create my account</button>
            </form>
            """;
        return HtmlPage.Render(context, $"Join {invitation.TenantName}", body, status);
    }
}
