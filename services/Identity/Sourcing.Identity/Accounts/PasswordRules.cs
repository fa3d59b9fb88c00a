using Microsoft.AspNetCore.Identity;

namespace Sourcing.Identity.Accounts;

/// <summary>
/// Runs ASP.NET Identity's password validators (10+ characters, a digit, an upper- and a lower-case letter) before anything is written.
/// Messages are fragments that follow the field's name ("must have at least one digit"), like every other validation message
/// of the API, so that a form reads "Password must ..." and never "Password Passwords must ...".
/// </summary>
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
            messages.AddRange(result.Errors.Select(e => Fragment(e.Description)));
        }

        return messages;
    }

    /// <summary>"Passwords must have at least one digit ('0'-'9')." → "must have at least one digit ('0'-'9').".</summary>
    public static string Fragment(string description)
    {
        foreach (var subject in (string[])["Passwords ", "Password "])
        {
            if (description.StartsWith(subject, StringComparison.Ordinal))
            {
                return description[subject.Length..];
            }
        }

        return description;
    }

    /// <summary>A fragment as the sentence a form shows under the password field.</summary>
    public static string Sentence(string fragment) => "Password " + fragment;
}
