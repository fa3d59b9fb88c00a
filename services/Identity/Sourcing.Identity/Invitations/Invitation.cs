namespace Sourcing.Identity.Invitations;

/// <summary>
/// A pending (or past) invitation to join a tenant, copied from the tenants service's MemberInvited.
/// Only the SHA-256 hash of the link's token is kept; a resend replaces it, so the older link stops working.
/// </summary>
public sealed class Invitation
{
    /// <summary>The tenants service's InvitationId.</summary>
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Email { get; set; }

    public required string Role { get; set; }

    public required string TenantName { get; set; }

    public required string InvitedByName { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The account created (or re-enabled) with this invitation.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public InvitationState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? InvitationState.Used
        : RevokedAt is not null ? InvitationState.Revoked
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Pending;
}

public enum InvitationState
{
    Pending,
    Used,
    Revoked,
    Expired,
}
