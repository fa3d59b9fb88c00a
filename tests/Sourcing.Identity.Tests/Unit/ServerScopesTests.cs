using Sourcing.Identity.Auth;

namespace Sourcing.Identity.Tests.Unit;

public sealed class ServerScopesTests
{
    [Theory]
    [InlineData("openid profile email", "")]
    [InlineData("openid tenants", "tenants")]
    [InlineData("sla:read sla:write engagements:read", "engagements sla")]
    [InlineData("risk tenants:read openid offline_access", "risk tenants")]
    [InlineData("unknown:read other", "")]
    public void AudiencesOf_gives_the_api_before_the_colon_of_each_api_scope(string scopes, string expected) =>
        Assert.Equal(
            expected.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ServerScopes.AudiencesOf(scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Every_api_client_scope_is_a_registered_scope() =>
        Assert.All(Sourcing.Contracts.ApiScopes.All, s => Assert.Contains(s, ServerScopes.All));
}
