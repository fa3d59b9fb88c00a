using System.Net;
using System.Net.Http.Json;

namespace Sourcing.SystemTests;

[Collection(SystemCollection.Name)]
public sealed class AuthorizationTests(SystemFixture system)
{
    private const string Audience = "tenants";

    [Fact]
    public async Task No_token_is_401()
    {
        using var api = system.Api(null);
        using var response = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_hand_made_token_with_the_real_key_audience_and_time_is_accepted_so_the_refusals_below_are_about_one_thing_each()
    {
        var tenant = await system.NewTenantAsync();
        var token = TokenForge.Create(
            TokenForge.DevelopmentSigningKey(system.KeysDirectory), system.Identity, Audience, tenant.TenantId, "admin", DateTime.UtcNow.AddMinutes(5));
        using var api = system.Api(token);
        using var response = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var tenant = await system.NewTenantAsync();
        var token = TokenForge.Create(
            TokenForge.DevelopmentSigningKey(system.KeysDirectory), system.Identity, Audience, tenant.TenantId, "admin", DateTime.UtcNow.AddMinutes(-5));
        using var api = system.Api(token);
        using var response = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var tenant = await system.NewTenantAsync();
        var token = TokenForge.Create(
            TokenForge.DevelopmentSigningKey(system.KeysDirectory), system.Identity, "risk", tenant.TenantId, "admin", DateTime.UtcNow.AddMinutes(5));
        using var api = system.Api(token);
        using var response = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_401()
    {
        var tenant = await system.NewTenantAsync();
        var token = TokenForge.Create(TokenForge.StrangerKey(), system.Identity, Audience, tenant.TenantId, "admin", DateTime.UtcNow.AddMinutes(5));
        using var api = system.Api(token);
        using var response = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_invite_change_settings_or_manage_clients_403()
    {
        var tenant = await system.NewTenantAsync();
        var viewer = await system.Client.InviteAndJoinAsync(
            tenant.AccessToken, SystemFixture.UniqueEmail("viewer"), "Vic Viewer", "viewer", SystemFixture.StrongPassword);
        using var api = system.Api(viewer.AccessToken);

        using var read = await api.GetAsync("api/tenant");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var members = await api.GetAsync("api/members");
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);

        using var invite = await api.PostAsJsonAsync("api/invitations", new { email = SystemFixture.UniqueEmail("x"), role = "viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        using var settings = await api.PutAsJsonAsync("api/tenant/settings", Settings.Valid(name: "Viewer was here"));
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        using var client = await api.PostAsJsonAsync("api/api-clients", new { name = "x", scopes = new[] { "tenants:read" } });
        Assert.Equal(HttpStatusCode.Forbidden, client.StatusCode);

        using var admin = system.Api(tenant.AccessToken);
        var current = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("api/tenant");
        Assert.NotEqual("Viewer was here", current.GetProperty("name").GetString());
        var invitations = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("api/invitations");
        Assert.Equal(1, invitations.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_vendor_manager_cannot_manage_members_403()
    {
        var tenant = await system.NewTenantAsync();
        var manager = await system.Client.InviteAndJoinAsync(
            tenant.AccessToken, SystemFixture.UniqueEmail("vm"), "Vera Manager", "vendor-manager", SystemFixture.StrongPassword);
        Assert.Equal("vendor-manager", TokenInspection.Read(manager.AccessToken).Claim("role"));
        using var api = system.Api(manager.AccessToken);
        using var demote = await api.PatchAsJsonAsync($"api/members/{tenant.AdminUserId}", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, demote.StatusCode);
        using var invite = await api.PostAsJsonAsync("api/invitations", new { email = SystemFixture.UniqueEmail("x"), role = "admin" });
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
    }
}
