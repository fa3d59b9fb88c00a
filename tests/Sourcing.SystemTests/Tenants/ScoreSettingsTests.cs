using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sourcing.SystemTests.Risk;
using static Sourcing.SystemTests.Problems;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Tenants;

/// <summary>DOMAIN's score defaults are tenant settings: shown with their defaults, validated, and used by the risk service.</summary>
[Collection(SystemCollection.Name)]
public sealed class ScoreSettingsTests(SystemFixture system)
{
    public static JsonObject ValidWith(string member, object value)
    {
        var body = JsonSerializer.SerializeToNode(Settings.Valid(), JsonSerializerOptions.Web)!.AsObject();
        body[member] = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);
        return body;
    }

    [Fact]
    public async Task A_new_tenant_has_DOMAINs_defaults_and_a_bad_value_is_refused_naming_the_field()
    {
        var tenant = await system.NewTenantAsync("Score Defaults Inc");
        using var api = system.Api(tenant.AccessToken);
        var current = await api.GetFromJsonAsync<JsonElement>("api/tenant");
        Assert.Equal(90, current.GetProperty("qualityScore").GetProperty("windowDays").GetInt32());
        Assert.Equal(10m, current.GetProperty("qualityScore").GetProperty("trendAddition").GetDecimal());
        Assert.Equal(0.1m, current.GetProperty("qualityScore").GetProperty("trendThreshold").GetDecimal());
        Assert.Equal(5m, current.GetProperty("qualityScore").GetProperty("nearshoreAddition").GetDecimal());
        Assert.Equal(10m, current.GetProperty("qualityScore").GetProperty("offshoreAddition").GetDecimal());
        Assert.Equal(30m, current.GetProperty("dependencyScore").GetProperty("singleSourceAddition").GetDecimal());
        Assert.Equal(10m, current.GetProperty("dependencyScore").GetProperty("exitAddition").GetDecimal());
        Assert.Equal(24, current.GetProperty("dependencyScore").GetProperty("longRemainingMonths").GetInt32());
        Assert.Equal(180, current.GetProperty("dependencyScore").GetProperty("longNoticeDays").GetInt32());
        Assert.Equal(0.6m, current.GetProperty("geopoliticalWeights").GetProperty("country").GetDecimal());
        Assert.Equal(0.4m, current.GetProperty("geopoliticalWeights").GetProperty("language").GetDecimal());

        using (var window = await api.PutAsJsonAsync("api/tenant/settings", ValidWith("qualityScore", new { windowDays = 30, offshoreAddition = 101 })))
        {
            await AssertProblemAsync(window, HttpStatusCode.BadRequest, "qualityScore.windowDays", "qualityScore.offshoreAddition");
        }

        using (var weights = await api.PutAsJsonAsync("api/tenant/settings", ValidWith("geopoliticalWeights", new { country = 0.5 })))
        {
            await AssertProblemAsync(weights, HttpStatusCode.BadRequest, "geopoliticalWeights");
        }

        using (var limits = await api.PutAsJsonAsync("api/tenant/settings", ValidWith("dependencyScore", new { longNoticeDays = 0, exitAddition = -1 })))
        {
            await AssertProblemAsync(limits, HttpStatusCode.BadRequest, "dependencyScore.longNoticeDays", "dependencyScore.exitAddition");
        }
    }

    [Fact]
    public async Task A_changed_distance_addition_and_window_change_the_quality_score()
    {
        var tenant = await system.NewTenantAsync("Score Settings Inc");
        using var risk = Client(tenant.AccessToken);
        await WaitForTenantAsync(risk);
        var (_, engagementId, slaId) = await RiskEvents.SeedEngagementAsync(tenant.TenantId, missEvery: 4);
        // 60 daily periods, 15 missed at shortfall 0.25: 15.625; offshore +10 -> 25.63.
        await WaitForScoresAsync(risk, engagementId, s => Number(s, "quality") == 25.63m, "the default quality score");

        using var api = system.Api(tenant.AccessToken);
        using (var put = await api.PutAsJsonAsync("api/tenant/settings", ValidWith("qualityScore", new { offshoreAddition = 3 })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // 15.625 + 3 = 18.625 -> 18.63.
        var changed = await WaitForScoresAsync(risk, engagementId, s => Number(s, "quality") == 18.63m, "the quality score with offshore +3");
        Assert.Contains(changed.GetProperty("breakdown").GetProperty("quality").EnumerateArray(), f => f.GetProperty("name").GetString() == "distance" && f.GetProperty("points").GetDecimal() == 3m);

        // Results 100 to 120 days ago, every one missed at shortfall 0.25: outside a 90-day window, inside a 150-day one.
        var old = RiskEvents.Results(tenant.TenantId, engagementId, slaId, 120, 1);
        await RiskEvents.PublishAsync(old with { Results = [.. old.Results.Where(r => r.PeriodEnd < DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-99))] });
        await Task.Delay(1500);
        Assert.Equal(18.63m, Number((await ScoresAsync(risk, engagementId))!.Value, "quality"));
        using (var put = await api.PutAsJsonAsync("api/tenant/settings", ValidWith("qualityScore", new { windowDays = 150, offshoreAddition = 3 })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // 81 periods, 36 missed at 0.25: m = 4/9, d = 0.25 -> 100 x 4/9 x 0.625 = 27.78; the trend spans are unchanged (none); + 3 = 30.78.
        await WaitForScoresAsync(risk, engagementId, s => Number(s, "quality") == 30.78m, "the quality score over 150 days");
    }
}
