using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests;

/// <summary>
/// A removed member's or a revoked API client's access token, still inside its lifetime, is refused by
/// the APIs within seconds (each API keeps a revocation list fed by the tenants service's events).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RevocationTests(SystemFixture system)
{
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_removed_members_still_valid_token_is_refused_by_tenants_and_engagements_within_seconds_and_the_admins_is_not()
    {
        using var t = await NewTenantAsync(system);
        var member = await system.Client.InviteAndJoinAsync(
            t.Tenant.AccessToken, SystemFixture.UniqueEmail("leaver"), "Lee Leaver", "viewer", SystemFixture.StrongPassword);
        var userId = Guid.Parse(TokenInspection.Read(member.AccessToken).Subject);
        using var admin = system.Api(t.Tenant.AccessToken);
        await Eventually.WaitAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("api/members")).GetProperty("totalCount").GetInt32() == 2,
            TimeSpan.FromSeconds(20),
            "the member to join");

        using var memberTenants = system.Api(member.AccessToken);
        using var memberEngagements = ApiWithToken(system, member.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(memberTenants, "api/tenant"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(memberEngagements, "api/providers"));

        using (var remove = await admin.DeleteAsync($"api/members/{userId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }

        await AssertRefusedWithinSecondsAsync(memberTenants, "api/tenant", "tenants");
        await AssertRefusedWithinSecondsAsync(memberEngagements, "api/providers", "engagements");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "api/tenant"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(t.Api, "api/providers"));
    }

    [Fact]
    public async Task A_revoked_API_clients_still_valid_token_is_refused_by_tenants_and_engagements_within_seconds()
    {
        using var t = await NewTenantAsync(system);
        using var admin = system.Api(t.Tenant.AccessToken);
        using var created = await admin.PostAsJsonAsync("api/api-clients", new { name = "Nightly export", scopes = new[] { "tenants:read", "engagements:read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.JsonAsync();
        var clientId = client.GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        var token = await Eventually.WaitAsync(
            async () =>
            {
                var response = await system.Client.Oidc.ClientCredentialsAsync(clientId, secret);
                return response.Succeeded ? response : null;
            },
            TimeSpan.FromSeconds(20),
            "the identity service to know the new client");

        using var clientTenants = system.Api(token.AccessToken);
        using var clientEngagements = ApiWithToken(system, token.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(clientTenants, "api/tenant"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(clientEngagements, "api/providers"));

        using (var revoke = await admin.DeleteAsync($"api/api-clients/{client.GetProperty("id").GetGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await AssertRefusedWithinSecondsAsync(clientTenants, "api/tenant", "tenants");
        await AssertRefusedWithinSecondsAsync(clientEngagements, "api/providers", "engagements");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "api/tenant"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        return response.StatusCode;
    }

    private static Task AssertRefusedWithinSecondsAsync(HttpClient api, string url, string service) =>
        Eventually.WaitAsync(
            async () => await StatusAsync(api, url) == HttpStatusCode.Unauthorized,
            WithinSeconds,
            $"the {service} service to refuse the token with 401");
}
