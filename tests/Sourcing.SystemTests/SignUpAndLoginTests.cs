using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

[Collection(SystemCollection.Name)]
public sealed class SignUpAndLoginTests(SystemFixture system)
{
    [Fact]
    public async Task A_company_signs_up_logs_in_with_code_and_PKCE_calls_the_tenants_api_and_refreshes()
    {
        var email = SystemFixture.UniqueEmail("founder");
        using var signUp = await system.Client.PostSignUpAsync(new
        {
            companyName = "Globex Manufacturing",
            hqCountry = "DE",
            reportingCurrency = "EUR",
            timeZone = "Europe/Berlin",
            adminName = "Greta Gründer",
            adminEmail = email,
            adminPassword = SystemFixture.StrongPassword,
        });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var created = await signUp.Content.ReadFromJsonAsync<SignUpResponse>(SourcingClient.Json);
        Assert.NotNull(created);

        var tokens = await system.Client.Oidc.LoginAsync(email, SystemFixture.StrongPassword);
        Assert.True(tokens.Succeeded, tokens.ErrorDescription);
        Assert.NotNull(tokens.RefreshToken);

        var token = TokenInspection.Read(tokens.AccessToken!);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(created.UserId.ToString(), token.Subject);
        Assert.Equal(created.TenantId.ToString(), token.Claim("tenant_id"));
        Assert.Equal("admin", token.Claim("role"));
        Assert.Equal(email, token.Claim("email"));
        Assert.Equal("Greta Gründer", token.Claim("name"));
        Assert.Contains("tenants", token.Audiences());
        Assert.Contains("tenants", token.Scopes());

        using var api = system.Api(tokens.AccessToken);
        await Eventually.WaitAsync(
            async () => (await api.GetAsync("api/tenant")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the tenant to exist");
        var tenant = await api.GetFromJsonAsync<JsonElement>("api/tenant");
        Assert.Equal(created.TenantId, tenant.GetProperty("id").GetGuid());
        Assert.Equal("Globex Manufacturing", tenant.GetProperty("name").GetString());
        Assert.Equal("DE", tenant.GetProperty("hqCountry").GetString());
        Assert.Equal("EUR", tenant.GetProperty("reportingCurrency").GetString());
        Assert.Equal("Europe/Berlin", tenant.GetProperty("timeZone").GetString());
        Assert.Equal(0.4m, tenant.GetProperty("riskWeights").GetProperty("quality").GetDecimal());
        Assert.Equal(75m, tenant.GetProperty("bandThresholds").GetProperty("critical").GetDecimal());
        Assert.True(tenant.GetProperty("policyChecks").GetProperty("notAdvisableToOffshore").GetBoolean());
        Assert.Equal(["legal"], tenant.GetProperty("notToOffshoreProcesses").EnumerateArray().Select(e => e.GetString()));

        var refreshed = await system.Client.Oidc.RefreshAsync(tokens.RefreshToken!);
        Assert.True(refreshed.Succeeded, refreshed.ErrorDescription);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        using var again = system.Api(refreshed.AccessToken);
        using var members = await again.GetAsync("api/members");
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        var page = await members.Content.ReadFromJsonAsync<JsonElement>();
        var admin = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(email, admin.GetProperty("email").GetString());
        Assert.Equal("admin", admin.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_wrong_password_does_not_log_in()
    {
        var tenant = await system.NewTenantAsync();
        await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(tenant.AdminEmail, "Wrong-Password-99"));
    }

    [Fact]
    public async Task Settings_change_is_saved_and_a_stale_etag_is_refused_with_412()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);
        using var read = await api.GetAsync("api/tenant");
        var etag = read.Headers.ETag!.Tag;
        var settings = Settings.Valid(name: "Renamed Co", quality: 0.5m, dependency: 0.25m, geopolitical: 0.25m);

        using var put = new HttpRequestMessage(HttpMethod.Put, "api/tenant/settings") { Content = JsonContent.Create(settings) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var changed = await api.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed Co", body.GetProperty("name").GetString());
        Assert.Equal(0.5m, body.GetProperty("riskWeights").GetProperty("quality").GetDecimal());
        Assert.Equal(2, body.GetProperty("version").GetInt32());

        using var stale = new HttpRequestMessage(HttpMethod.Put, "api/tenant/settings") { Content = JsonContent.Create(Settings.Valid(name: "Lost update")) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var refused = await api.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        using var after = await api.GetAsync("api/tenant");
        var current = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed Co", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Settings_change_publishes_TenantSettingsChanged_with_the_changed_fields()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);
        using var changed = await api.PutAsJsonAsync("api/tenant/settings", Settings.Valid(name: "Events Inc", country: "GB", timeZone: "Europe/London"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // The event row is written with the change and dispatched to the broker.
        await Eventually.WaitAsync(
            async () => await SystemFixture.ScalarAsync<long>(
                "sourcing_tenants",
                "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantSettingsChanged' AND sent_at IS NOT NULL",
                ("t", tenant.TenantId)) == 1,
            TimeSpan.FromSeconds(15),
            "TenantSettingsChanged to be published");
        var payload = await SystemFixture.ScalarAsync<string>(
            "sourcing_tenants",
            "SELECT payload::text FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantSettingsChanged'",
            ("t", tenant.TenantId));
        var json = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("GB", json.GetProperty("settings").GetProperty("hqCountry").GetString());
        var fields = json.GetProperty("changedFields").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("hqCountry", fields);
        Assert.Contains("timeZone", fields);
        Assert.DoesNotContain("riskWeights", fields);
    }
}

/// <summary>A valid settings body, with the values a test wants to vary.</summary>
public static class Settings
{
    public static object Valid(
        string name = "Acme Outsourcing Ltd",
        string country = "US",
        string currency = "USD",
        string timeZone = "America/New_York",
        decimal quality = 0.4m,
        decimal dependency = 0.3m,
        decimal geopolitical = 0.3m) => new
        {
            name,
            hqCountry = country,
            reportingCurrency = currency,
            timeZone,
            workingLanguages = new[] { "en" },
            riskWeights = new { quality, dependency, geopolitical },
            bandThresholds = new { medium = 25, high = 50, critical = 75 },
            policyChecks = new
            {
                notAdvisableToOffshore = true,
                sensitiveDataInHighRiskCountry = true,
                sensitiveDataWithoutCertification = true,
                singleSourcedCriticalProcess = true,
                coreProcessOutsourced = true,
                notMonitored = true,
            },
            notToOffshoreProcesses = new[] { "legal" },
            countryConcentrationThresholdPercent = 50,
        };
}
