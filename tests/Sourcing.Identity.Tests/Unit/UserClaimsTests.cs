using System.Security.Claims;
using OpenIddict.Abstractions;
using Sourcing.Identity.Accounts;
using Sourcing.Identity.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Tests.Unit;

public sealed class UserClaimsTests
{
    private static readonly ApplicationUser User = new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        Email = "ops@example.com",
        Name = "Ops",
        Role = "admin",
        SecurityStamp = "stamp",
    };

    [Fact]
    public void Access_tokens_carry_sub_tenant_role_email_and_name_but_never_the_security_stamp()
    {
        var identity = UserClaims.NewIdentity();
        identity.SetScopes("openid");
        identity.WithUser(User, new IdentityServerOptions());

        foreach (var type in new[] { Claims.Subject, "tenant_id", Claims.Role, Claims.Email, Claims.Name })
        {
            Assert.Contains(Destinations.AccessToken, identity.FindFirst(type)!.GetDestinations());
        }

        Assert.Empty(identity.FindFirst(UserClaims.SecurityStamp)!.GetDestinations());
        Assert.DoesNotContain(Destinations.IdentityToken, identity.FindFirst(Claims.Email)!.GetDestinations());
    }

    [Fact]
    public void Identity_tokens_get_what_the_scopes_ask_for()
    {
        var identity = UserClaims.NewIdentity();
        identity.SetScopes("openid", "email", "profile", "roles");
        identity.WithUser(User, new IdentityServerOptions());

        foreach (var type in new[] { Claims.Subject, "tenant_id", Claims.Role, Claims.Email, Claims.Name })
        {
            Assert.Contains(Destinations.IdentityToken, identity.FindFirst(type)!.GetDestinations());
        }
    }

    [Fact]
    public void Platform_admin_comes_only_from_configuration()
    {
        var identity = UserClaims.NewIdentity().WithUser(User, new IdentityServerOptions { PlatformAdmins = ["OPS@example.com"] });
        Assert.Equal(["admin", "platform-admin"], identity.FindAll(Claims.Role).Select(c => c.Value));

        var plain = UserClaims.NewIdentity().WithUser(User, new IdentityServerOptions());
        Assert.Equal(["admin"], plain.FindAll(Claims.Role).Select(c => c.Value));
    }

    [Fact]
    public void A_role_change_replaces_the_role_claim_on_refresh()
    {
        var identity = UserClaims.NewIdentity().WithUser(User, new IdentityServerOptions());
        var refreshed = new ClaimsIdentity(identity.Claims, identity.AuthenticationType, Claims.Name, Claims.Role)
            .WithUser(new ApplicationUser { Id = User.Id, TenantId = User.TenantId, Email = User.Email, Name = "New", Role = "viewer" }, new IdentityServerOptions());
        Assert.Equal(["viewer"], refreshed.FindAll(Claims.Role).Select(c => c.Value));
        Assert.Equal("New", refreshed.FindFirst(Claims.Name)!.Value);
    }
}
