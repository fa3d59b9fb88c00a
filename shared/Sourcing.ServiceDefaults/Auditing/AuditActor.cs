using System.Security.Claims;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.ServiceDefaults.Auditing;

/// <summary>Who made a change: the token's subject and name (an API client has a client id and no name); null for the system.</summary>
public sealed record AuditActor(string? Id, string? Name)
{
    public static readonly AuditActor System = new(null, "system");

    public static AuditActor From(ClaimsPrincipal user) =>
        new(user.FindFirst(TenantClaims.Subject)?.Value ?? user.FindFirst(ClientIdClaim)?.Value,
            user.FindFirst(TenantClaims.Name)?.Value ?? user.FindFirst(ClientIdClaim)?.Value);

    private const string ClientIdClaim = "client_id";
}
