namespace Sourcing.Tenants.Invitations;

/// <summary>Section <c>Invitations</c>.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation link stays valid.</summary>
    public int LifetimeDays { get; set; } = 7;
}
