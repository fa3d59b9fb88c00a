using Sourcing.Identity.Invitations;

namespace Sourcing.Identity.Tests.Unit;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tokens_are_256_random_bits_in_base64url_and_stored_as_their_sha256()
    {
        var token = InvitationTokens.NewToken();
        Assert.Equal(43, token.Length);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.NotEqual(token, InvitationTokens.NewToken());
        Assert.Equal(32, InvitationTokens.Hash(token).Length);
        Assert.Equal(InvitationTokens.Hash(token), InvitationTokens.Hash(token));
    }

    public static TheoryData<DateTimeOffset?, DateTimeOffset?, int, InvitationState> States => new()
    {
        { null, null, 1, InvitationState.Pending },
        { null, null, 0, InvitationState.Expired },
        { null, null, -1, InvitationState.Expired },
        { Now, null, 1, InvitationState.Used },
        { Now, Now, -1, InvitationState.Used },
        { null, Now, 1, InvitationState.Revoked },
        { null, Now, -1, InvitationState.Revoked },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void State_is_used_then_revoked_then_expired_then_pending(DateTimeOffset? usedAt, DateTimeOffset? revokedAt, int expiresInHours, InvitationState expected)
    {
        var invitation = new Invitation
        {
            Email = "a@b.example",
            Role = "viewer",
            TenantName = "T",
            InvitedByName = "I",
            TokenHash = new byte[32],
            ExpiresAt = Now.AddHours(expiresInHours),
            UsedAt = usedAt,
            RevokedAt = revokedAt,
        };
        Assert.Equal(expected, invitation.StateAt(Now));
    }
}
