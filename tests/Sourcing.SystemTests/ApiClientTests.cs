using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

[Collection(SystemCollection.Name)]
public sealed class ApiClientTests(SystemFixture system)
{
    [Fact]
    public async Task A_client_token_carries_its_tenant_and_only_the_granted_scopes_and_a_revoked_client_gets_none()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);
        using var created = await api.PostAsJsonAsync("api/api-clients", new { name = "Provider SLA feed", scopes = new[] { "tenants:read", "sla:write" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.JsonAsync();
        var clientId = client.GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        Assert.True(secret.Length >= 40);

        // The secret is shown once: the list never holds it.
        var listed = await api.GetStringAsync("api/api-clients");
        Assert.Contains(clientId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);

        var token = await Eventually.WaitAsync(
            async () =>
            {
                var response = await system.Client.Oidc.ClientCredentialsAsync(clientId, secret);
                return response.Succeeded ? response : null;
            },
            TimeSpan.FromSeconds(20),
            "the identity service to know the new client");
        var jwt = TokenInspection.Read(token.AccessToken!);
        Assert.Equal(tenant.TenantId.ToString(), jwt.Claim("tenant_id"));
        Assert.Equal(["sla:write", "tenants:read"], jwt.Scopes().Order());
        Assert.Contains("tenants", jwt.Audiences());
        Assert.Contains("sla", jwt.Audiences());
        Assert.Null(jwt.Claim("role"));

        using (var read = system.Api(token.AccessToken))
        {
            Assert.Equal(tenant.TenantId, (await read.GetFromJsonAsync<JsonElement>("api/tenant")).GetProperty("id").GetGuid());
            using var write = await read.PutAsJsonAsync("api/tenant/settings", Settings.Valid(name: "Client was here"));
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        var narrowed = await system.Client.Oidc.ClientCredentialsAsync(clientId, secret, "sla:write");
        Assert.True(narrowed.Succeeded, narrowed.ErrorDescription);
        Assert.Equal(["sla:write"], TokenInspection.Read(narrowed.AccessToken!).Scopes());

        var notGranted = await system.Client.Oidc.ClientCredentialsAsync(clientId, secret, "engagements:write");
        Assert.False(notGranted.Succeeded);

        var wrongSecret = await system.Client.Oidc.ClientCredentialsAsync(clientId, secret + "x");
        Assert.False(wrongSecret.Succeeded);

        var id = client.GetProperty("id").GetGuid();
        using (var revoke = await api.DeleteAsync($"api/api-clients/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await Eventually.WaitAsync(
            async () => !(await system.Client.Oidc.ClientCredentialsAsync(clientId, secret)).Succeeded,
            TimeSpan.FromSeconds(20),
            "the revoked client to be refused");
        var refused = await system.Client.Oidc.ClientCredentialsAsync(clientId, secret);
        Assert.Null(refused.AccessToken);
        Assert.NotNull(refused.Error);
    }
}
