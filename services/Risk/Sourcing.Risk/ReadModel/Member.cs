using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.ReadModel;

/// <summary>The risk service's copy of a tenant's member (from TenantRegistered, MemberJoined, MemberRoleChanged, MemberRemoved): who digests go to.</summary>
public sealed class Member : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";
}
