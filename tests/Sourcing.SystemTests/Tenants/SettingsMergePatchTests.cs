using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Problems;

namespace Sourcing.SystemTests.Tenants;

/// <summary>PATCH /api/tenant/settings: a JSON Merge Patch (RFC 7396) with If-Match, validated as PUT, announced once.</summary>
[Collection(SystemCollection.Name)]
public sealed class SettingsMergePatchTests(SystemFixture system)
{
    private static async Task<HttpResponseMessage> PatchAsync(HttpClient api, string patch, string? ifMatch = null, string contentType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "api/tenant/settings") { Content = new StringContent(patch) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        return await api.SendAsync(request);
    }

    [Fact]
    public async Task A_merge_patch_changes_only_what_it_names_merges_nested_objects_and_publishes_one_event_with_the_changed_fields()
    {
        var tenant = await system.NewTenantAsync("Patch Me Inc");
        using var api = system.Api(tenant.AccessToken);
        using var read = await api.GetAsync("api/tenant");
        var etag = read.Headers.ETag!.Tag;

        using var patched = await PatchAsync(
            api, """{"name":"Patched Inc","qualityScore":{"windowDays":120},"policyChecks":{"notMonitored":false},"unknownMember":1}""", etag);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("\"2\"", patched.Headers.ETag!.Tag);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Patched Inc", body.GetProperty("name").GetString());
        Assert.Equal("US", body.GetProperty("hqCountry").GetString());
        Assert.Equal(0.4m, body.GetProperty("riskWeights").GetProperty("quality").GetDecimal());
        Assert.Equal(120, body.GetProperty("qualityScore").GetProperty("windowDays").GetInt32());
        Assert.Equal(10m, body.GetProperty("qualityScore").GetProperty("offshoreAddition").GetDecimal()); // merged, not replaced
        Assert.False(body.GetProperty("policyChecks").GetProperty("notMonitored").GetBoolean());
        Assert.True(body.GetProperty("policyChecks").GetProperty("coreProcessOutsourced").GetBoolean());

        await Eventually.WaitAsync(
            async () => await SystemFixture.ScalarAsync<long>(
                "sourcing_tenants",
                "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantSettingsChanged'",
                ("t", tenant.TenantId)) == 1,
            TimeSpan.FromSeconds(15),
            "one TenantSettingsChanged");
        var payload = JsonDocument.Parse(await SystemFixture.ScalarAsync<string>(
            "sourcing_tenants",
            "SELECT payload::text FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantSettingsChanged'",
            ("t", tenant.TenantId))).RootElement;
        Assert.Equal(["name", "policyChecks", "qualityScore"], payload.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()!).Order().ToList());
        Assert.Equal(120, payload.GetProperty("settings").GetProperty("qualityScore").GetProperty("windowDays").GetInt32());

        // The same patch again changes nothing: 200, same version, no second event.
        using var again = await PatchAsync(api, """{"name":"Patched Inc"}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"2\"", again.Headers.ETag!.Tag);

        // null resets an optional setting to DOMAIN's default.
        using var reset = await PatchAsync(api, """{"qualityScore":null}""", "\"2\"");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(90, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("qualityScore").GetProperty("windowDays").GetInt32());
        Assert.Equal(2L, await SystemFixture.ScalarAsync<long>(
            "sourcing_tenants",
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantSettingsChanged'",
            ("t", tenant.TenantId)));
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_bad_input_is_400_naming_the_field_with_nothing_saved()
    {
        var tenant = await system.NewTenantAsync("Patch Refused Inc");
        using var api = system.Api(tenant.AccessToken);

        using (var stale = await PatchAsync(api, """{"name":"Lost"}""", "\"7\""))
        {
            await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        }

        using (var removed = await PatchAsync(api, """{"hqCountry":null}"""))
        {
            await AssertProblemAsync(removed, HttpStatusCode.BadRequest, "hqCountry");
        }

        using (var sum = await PatchAsync(api, """{"riskWeights":{"quality":0.9}}"""))
        {
            await AssertProblemAsync(sum, HttpStatusCode.BadRequest, "riskWeights");
        }

        using (var window = await PatchAsync(api, """{"qualityScore":{"windowDays":10}}"""))
        {
            await AssertProblemAsync(window, HttpStatusCode.BadRequest, "qualityScore.windowDays");
        }

        using (var type = await PatchAsync(api, """{"qualityScore":{"windowDays":"long"}}"""))
        {
            await AssertProblemAsync(type, HttpStatusCode.BadRequest, "qualityScore.windowDays");
        }

        using (var notAnObject = await PatchAsync(api, """["name"]"""))
        {
            await AssertProblemAsync(notAnObject, HttpStatusCode.BadRequest, "body");
        }

        using (var malformed = await PatchAsync(api, """{"name": """))
        {
            await AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        }

        using (var plainJson = await PatchAsync(api, """{"name":"Plain"}""", contentType: "application/json"))
        {
            await AssertProblemAsync(plainJson, HttpStatusCode.UnsupportedMediaType);
        }

        var current = await api.GetFromJsonAsync<JsonElement>("api/tenant");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal(0L, await SystemFixture.ScalarAsync<long>(
            "sourcing_tenants",
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantSettingsChanged'",
            ("t", tenant.TenantId)));
    }

    [Fact]
    public async Task Text_a_PUT_refuses_is_refused_in_a_merge_patch_too_an_unpaired_surrogate_or_bytes_that_are_not_UTF_8()
    {
        var tenant = await system.NewTenantAsync("Patch Text Inc");
        using var api = system.Api(tenant.AccessToken);

        // Found by MalformedRequestSweepTests: the surrogate was a 500, the bytes were saved as U+FFFD.
        using (var surrogate = await PatchAsync(api, """{"name":"Half \ud800 a pair"}"""))
        {
            await AssertProblemAsync(surrogate, HttpStatusCode.BadRequest);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Patch, "api/tenant/settings"))
        {
            request.Content = new ByteArrayContent([.. "{\"name\":\"Bad "u8.ToArray(), 0xFF, 0xFE, .. " bytes\"}"u8.ToArray()]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
            using var bytes = await api.SendAsync(request);
            await AssertProblemAsync(bytes, HttpStatusCode.BadRequest);
        }

        var current = await api.GetFromJsonAsync<JsonElement>("api/tenant");
        Assert.Equal("Patch Text Inc", current.GetProperty("name").GetString());
        Assert.Equal(1, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_patch_the_settings()
    {
        var tenant = await system.NewTenantAsync("Patch Anonymous Inc");
        using var anonymous = system.Api(null);
        using var refused = await PatchAsync(anonymous, """{"name":"Nobody"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var api = system.Api(tenant.AccessToken);
        Assert.Equal("Patch Anonymous Inc", (await api.GetFromJsonAsync<JsonElement>("api/tenant")).GetProperty("name").GetString());
    }
}
