namespace Sourcing.Contracts;

/// <summary>
/// An admin invited someone (or resent an invitation: the same InvitationId with a new EventId).
/// The identity service issues a fresh one-time link, voiding any earlier one, and e-mails it.
/// </summary>
public sealed record MemberInvited : IntegrationEvent
{
    public required Guid InvitationId { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    public required string TenantName { get; init; }

    public required string InvitedByName { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>An admin revoked a pending invitation; its link stops working.</summary>
public sealed record MemberInvitationRevoked : IntegrationEvent
{
    public required Guid InvitationId { get; init; }
}

/// <summary>An invited person set a password and is now a member.</summary>
public sealed record MemberJoined : IntegrationEvent
{
    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string Name { get; init; }

    public required string Role { get; init; }
}

/// <summary>A member's role changed; new tokens carry the new role.</summary>
public sealed record MemberRoleChanged : IntegrationEvent
{
    public required Guid UserId { get; init; }

    public required string Role { get; init; }
}

/// <summary>A member was removed; the account is disabled and its refresh tokens revoked.</summary>
public sealed record MemberRemoved : IntegrationEvent
{
    public required Guid UserId { get; init; }

    public required string Email { get; init; }
}
