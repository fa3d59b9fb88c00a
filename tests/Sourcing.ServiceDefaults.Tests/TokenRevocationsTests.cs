using Microsoft.Extensions.Options;
using Sourcing.ServiceDefaults.Auth;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class TokenRevocationsTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly DateTimeOffset Removal = new(2026, 12, 4, 12, 0, 0, 500, TimeSpan.Zero);

    private static (TokenRevocations Revocations, ManualClock Clock) Create()
    {
        var clock = new ManualClock { Now = Removal };
        return (new TokenRevocations(clock, Options.Create(new TokenRevocationOptions { RetainFor = TimeSpan.FromHours(1) })), clock);
    }

    [Fact]
    public void A_removed_subject_loses_every_token_issued_up_to_the_end_of_that_second_and_no_other_subject_or_tenant_is_touched()
    {
        var (revocations, _) = Create();
        revocations.Revoke(Tenant, "user-1", TokenRevocations.EndedAt(Removal));

        Assert.True(revocations.IsRevoked(Tenant, "user-1", Removal.AddMinutes(-10)));
        Assert.True(revocations.IsRevoked(Tenant, "user-1", new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)));
        Assert.False(revocations.IsRevoked(Tenant, "user-1", new DateTimeOffset(2026, 12, 4, 12, 0, 1, TimeSpan.Zero)));
        Assert.False(revocations.IsRevoked(Tenant, "user-2", Removal.AddMinutes(-10)));
        Assert.False(revocations.IsRevoked(Guid.NewGuid(), "user-1", Removal.AddMinutes(-10)));
    }

    [Fact]
    public void After_a_role_change_a_token_refreshed_in_the_same_second_is_kept_and_older_ones_are_refused()
    {
        var (revocations, _) = Create();
        revocations.Revoke(Tenant, "user-1", TokenRevocations.ChangedAt(Removal));

        Assert.True(revocations.IsRevoked(Tenant, "user-1", Removal.AddSeconds(-1)));
        Assert.False(revocations.IsRevoked(Tenant, "user-1", new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_later_cut_off_wins_over_an_earlier_one_whatever_the_order_they_arrive_in()
    {
        var (revocations, _) = Create();
        revocations.Revoke(Tenant, "user-1", Removal.AddMinutes(5));
        revocations.Revoke(Tenant, "user-1", Removal);

        Assert.True(revocations.IsRevoked(Tenant, "user-1", Removal.AddMinutes(4)));
    }

    [Fact]
    public void Entries_are_forgotten_after_the_retention_so_the_list_stays_small()
    {
        var (revocations, clock) = Create();
        revocations.Revoke(Tenant, "user-1", Removal);
        clock.Now += TimeSpan.FromHours(2);
        revocations.Revoke(Tenant, "user-2", clock.GetUtcNow());

        Assert.Equal(1, revocations.Count);
        Assert.False(revocations.IsRevoked(Tenant, "user-1", Removal.AddMinutes(-1)));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
