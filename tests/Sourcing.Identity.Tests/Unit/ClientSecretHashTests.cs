using Sourcing.Identity.Auth;

namespace Sourcing.Identity.Tests.Unit;

public sealed class ClientSecretHashTests
{
    private const string Secret = "kqB3zq2Zr6r3tq8yYb7bJm1k2Wn9vXc4Lp0sQe5TuHg";

    [Fact]
    public void The_presented_secret_matches_its_stored_hash() =>
        Assert.True(ClientSecretHash.Matches(Secret, ClientSecretHash.Of(Secret)));

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    public void Another_secret_does_not_match(string presented) =>
        Assert.False(ClientSecretHash.Matches(presented, ClientSecretHash.Of(Secret)));

    [Fact]
    public void Presenting_the_hash_itself_does_not_match() =>
        Assert.False(ClientSecretHash.Matches(ClientSecretHash.Of(Secret), ClientSecretHash.Of(Secret)));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void A_malformed_stored_hash_matches_nothing(string stored)
    {
        Assert.False(ClientSecretHash.Matches(Secret, stored));
        Assert.False(ClientSecretHash.IsHash(stored));
    }

    [Fact]
    public void The_hash_is_base64_of_32_bytes() => Assert.True(ClientSecretHash.IsHash(ClientSecretHash.Of(Secret)));
}
