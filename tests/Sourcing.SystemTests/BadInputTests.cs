using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>Bad input is answered 4xx ProblemDetails naming the field and the rule, and writes nothing.</summary>
[Collection(SystemCollection.Name)]
public sealed class BadInputTests(SystemFixture system)
{
    private static Dictionary<string, object?> ValidSignUp(string email) => new()
    {
        ["companyName"] = "Initech",
        ["hqCountry"] = "US",
        ["reportingCurrency"] = "USD",
        ["timeZone"] = "America/Chicago",
        ["adminName"] = "Bill Lumbergh",
        ["adminEmail"] = email,
        ["adminPassword"] = SystemFixture.StrongPassword,
    };

    [Fact]
    public async Task Sign_up_with_no_fields_names_every_missing_field()
    {
        using var identity = SourcingClient.Api(system.Identity, null);
        using var response = await identity.PostAsJsonAsync("api/signup", new { });
        await Problems.AssertProblemAsync(
            response, HttpStatusCode.BadRequest,
            "companyName", "hqCountry", "reportingCurrency", "timeZone", "adminName", "adminEmail", "adminPassword");
    }

    [Theory]
    [InlineData("hqCountry", "XX")]
    [InlineData("hqCountry", "USA")]
    [InlineData("reportingCurrency", "ABC")]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("adminPassword", "short")]
    [InlineData("adminPassword", "alllowercaseletters")]
    [InlineData("adminEmail", "not-an-email")]
    public async Task Sign_up_with_a_bad_value_names_the_field_and_writes_nothing(string field, string value)
    {
        var email = SystemFixture.UniqueEmail("bad");
        var body = ValidSignUp(email);
        body[field] = value;
        using var response = await system.Client.PostSignUpAsync(body);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);

        if (field != "adminEmail")
        {
            // Nothing was written: the same e-mail can still sign up.
            using var retry = await system.Client.PostSignUpAsync(ValidSignUp(email));
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        }
    }

    [Fact]
    public async Task Sign_up_with_an_e_mail_that_has_an_account_is_refused()
    {
        var tenant = await system.NewTenantAsync();
        using var response = await system.Client.PostSignUpAsync(ValidSignUp(tenant.AdminEmail.ToUpperInvariant()));
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "adminEmail");
    }

    [Fact]
    public async Task Malformed_json_wrong_content_type_and_oversized_bodies_are_refused()
    {
        using var identity = SourcingClient.Api(system.Identity, null);
        using (var malformed = await identity.PostRawAsync("api/signup", "{\"companyName\": \"Initech\", \"hqCountry\": ", "application/json"))
        {
            await Problems.AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        }

        using (var wrongType = await identity.PostRawAsync("api/signup", "companyName=Initech", "text/plain"))
        {
            await Problems.AssertProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }

        var huge = JsonSerializer.Serialize(new { companyName = new string('x', 2 * 1024 * 1024) });
        using (var oversized = await identity.SendLargeAsync(HttpMethod.Post, "api/signup", huge))
        {
            await Problems.AssertProblemAsync(oversized, HttpStatusCode.RequestEntityTooLarge, "body");
        }

        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);
        using (var malformed = await api.PutRawAsync("api/tenant/settings", "{\"name\": 5, ", "application/json"))
        {
            await Problems.AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        }

        using (var wrongType = await api.PutRawAsync("api/tenant/settings", "<settings/>", "application/xml"))
        {
            await Problems.AssertProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }

        using (var wrongJsonType = await api.PutRawAsync("api/tenant/settings", "{\"riskWeights\": {\"quality\": \"lots\"}}", "application/json"))
        {
            await Problems.AssertProblemAsync(wrongJsonType, HttpStatusCode.BadRequest, "riskWeights.quality");
        }

        using (var oversized = await api.SendLargeAsync(HttpMethod.Put, "api/tenant/settings", huge))
        {
            await Problems.AssertProblemAsync(oversized, HttpStatusCode.RequestEntityTooLarge, "body");
        }

        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>("api/tenant")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Settings_with_weights_that_do_not_add_up_or_unknown_codes_are_refused_and_nothing_changes()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);

        using (var weights = await api.PutAsJsonAsync("api/tenant/settings", Settings.Valid(quality: 0.5m, dependency: 0.3m, geopolitical: 0.3m)))
        {
            await Problems.AssertProblemAsync(weights, HttpStatusCode.BadRequest, "riskWeights");
        }

        using (var codes = await api.PutAsJsonAsync("api/tenant/settings", Settings.Valid(country: "ZZ", currency: "XYZ", timeZone: "Europe/Atlantis")))
        {
            await Problems.AssertProblemAsync(codes, HttpStatusCode.BadRequest, "hqCountry", "reportingCurrency", "timeZone");
        }

        using (var missing = await api.PutAsJsonAsync("api/tenant/settings", new { name = "Only a name" }))
        {
            await Problems.AssertProblemAsync(
                missing, HttpStatusCode.BadRequest,
                "hqCountry", "reportingCurrency", "timeZone", "workingLanguages", "riskWeights", "bandThresholds", "policyChecks",
                "notToOffshoreProcesses", "countryConcentrationThresholdPercent");
        }

        var current = await api.GetFromJsonAsync<JsonElement>("api/tenant");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal("Acme Outsourcing Ltd", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invitations_and_api_clients_with_bad_fields_are_refused_and_nothing_is_written()
    {
        var tenant = await system.NewTenantAsync();
        using var api = system.Api(tenant.AccessToken);

        using (var invite = await api.PostAsJsonAsync("api/invitations", new { email = "nobody", role = "owner" }))
        {
            await Problems.AssertProblemAsync(invite, HttpStatusCode.BadRequest, "email", "role");
        }

        using (var own = await api.PostAsJsonAsync("api/invitations", new { email = tenant.AdminEmail, role = "viewer" }))
        {
            await Problems.AssertProblemAsync(own, HttpStatusCode.BadRequest, "email");
        }

        using (var client = await api.PostAsJsonAsync("api/api-clients", new { name = "", scopes = new[] { "tenants:read", "everything" } }))
        {
            await Problems.AssertProblemAsync(client, HttpStatusCode.BadRequest, "name", "scopes[1]");
        }

        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("api/invitations")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("api/api-clients")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0L, await SystemFixture.ScalarAsync<long>(
            "sourcing_tenants", "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type <> 'Sourcing.Contracts.TenantRegistered'",
            ("t", tenant.TenantId)));
    }
}
