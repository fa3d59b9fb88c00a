using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Tenants.Members;

/// <summary>A person with an account in the tenant, and the role they hold.</summary>
public sealed class Member : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The identity service's user id (the token's <c>sub</c>).</summary>
    public Guid UserId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }
}
