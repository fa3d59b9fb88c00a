using Microsoft.AspNetCore.Identity;

namespace Sourcing.Identity.Accounts;

/// <summary>
/// A person's account. One account per e-mail address (the user name is the e-mail), belonging to
/// one tenant, with one role stored on the account.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>One of <see cref="Sourcing.Contracts.Roles.TenantRoles"/>; platform-admin comes only from configuration.</summary>
    public string Role { get; set; } = "";

    /// <summary>Set when the member is removed from the tenant: no sign-in, no token refresh.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
