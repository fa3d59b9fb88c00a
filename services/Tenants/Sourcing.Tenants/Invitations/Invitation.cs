using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Tenants.Invitations;

/// <summary>An invitation to join the tenant with a role; the identity service holds its one-time link.</summary>
public sealed class Invitation : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string Role { get; set; } = "";

    public InvitationStatus Status { get; set; }

    public Guid InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int TimesSent { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>What a reader sees: a pending invitation past its expiry shows as expired.</summary>
    public string StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && ExpiresAt <= now ? "expired" : Status.ToString().ToLowerInvariant();
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
}
