using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sourcing.Contracts;
using Sourcing.Identity.Accounts;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Identity.SignUp;

/// <summary>
/// Validates a sign-up completely before writing anything, then creates the admin's account (new
/// tenant id, role admin) and queues UserRegistered with the company's details in one transaction.
/// </summary>
public sealed class CompanySignUp(IdentityDb db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public sealed record Outcome(SignUpResponse? Created, ValidationErrors Errors);

    public async Task<Outcome> RegisterAsync(SignUpRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var companyName = request.CompanyName?.Trim();
        var country = request.HqCountry?.Trim().ToUpperInvariant();
        var currency = request.ReportingCurrency?.Trim().ToUpperInvariant();
        var timeZone = request.TimeZone?.Trim();
        var adminName = request.AdminName?.Trim();
        var email = request.AdminEmail?.Trim();
        var password = request.AdminPassword ?? "";

        errors.Required("companyName", companyName);
        errors.Country("hqCountry", country);
        errors.Currency("reportingCurrency", currency);
        errors.TimeZone("timeZone", timeZone);
        errors.Required("adminName", adminName);
        if (errors.Required("adminEmail", email))
        {
            if (!IsoCodes.IsEmail(email!))
            {
                errors.Add("adminEmail", "is not a valid e-mail address.");
            }
            else if (await users.FindByEmailAsync(email!) is not null)
            {
                errors.Add("adminEmail", "is already registered.");
            }
        }

        var now = clock.GetUtcNow();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(now),
            TenantId = Guid.CreateVersion7(now),
            UserName = email,
            Email = email,
            Name = adminName ?? "",
            Role = Roles.Admin,
            CreatedAt = now,
        };
        if (errors.Required("adminPassword", request.AdminPassword, PasswordRules.MaxLength))
        {
            foreach (var message in await PasswordRules.CheckAsync(users, user, password))
            {
                errors.Add("adminPassword", message);
            }
        }

        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "adminPassword" : "adminEmail", error.Description);
                }

                return new Outcome(null, errors);
            }
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two sign-ups with the same address at once: the unique index decides.
            errors.Add("adminEmail", "is already registered.");
            return new Outcome(null, errors);
        }

        db.AddEvent(new UserRegistered
        {
            TenantId = user.TenantId,
            OccurredAt = now,
            UserId = user.Id,
            Email = user.Email!,
            Name = user.Name,
            Role = user.Role,
            SignUp = new TenantSignUp(companyName!, country!, currency!, timeZone!),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(new SignUpResponse(user.TenantId, user.Id), errors);
    }
}
