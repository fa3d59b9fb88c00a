using Microsoft.AspNetCore.Identity;

namespace Sourcing.Identity.Accounts;

/// <summary>Runs ASP.NET Identity's password validators (10+ characters, a digit, an upper- and a lower-case letter) before anything is written.</summary>
internal static class PasswordRules
{
    public const int MaxLength = 200;

    public static async Task<IReadOnlyList<string>> CheckAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        var messages = new List<string>();
        if (password.Length > MaxLength)
        {
            messages.Add($"must be at most {MaxLength} characters.");
            return messages;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }

        return messages;
    }
}
