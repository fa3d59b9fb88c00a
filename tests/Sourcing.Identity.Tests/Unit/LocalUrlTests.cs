using Sourcing.Identity.Accounts;

namespace Sourcing.Identity.Tests.Unit;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/connect/authorize?client_id=x", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("/a\r\nLocation: x", false)]
    public void Only_paths_on_this_server_are_local(string? url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));

    [Fact]
    public void A_foreign_return_url_falls_back_to_the_home_page() => Assert.Equal("/", LocalUrl.OrHome("https://evil.example/"));
}
