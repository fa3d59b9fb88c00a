using Microsoft.AspNetCore.Identity;

namespace Sourcing.Identity.Accounts;

/// <summary>
/// "Confirmed" here means "not disabled": with <c>SignIn.RequireConfirmedAccount</c> on, this is
/// what SignInManager.CanSignInAsync asks, so a removed member can neither log in nor refresh.
/// </summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(!user.Disabled);
}
