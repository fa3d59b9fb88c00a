using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Risk;

/// <summary>Small helpers over the risk API and database for the risk tests.</summary>
public static class RiskApi
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static HttpClient Client(string accessToken) => SourcingClient.Api(new Uri($"http://127.0.0.1:{SystemFixture.Port("Risk")}/"), accessToken);

    /// <summary>Waits until the risk service has the tenant (its TenantRegistered was consumed).</summary>
    public static Task WaitForTenantAsync(HttpClient api) =>
        Eventually.WaitAsync(async () => (await api.GetAsync("api/risk/portfolio")).StatusCode == HttpStatusCode.OK, Wait, "the risk service to know the tenant");

    public static Task<JsonElement?> ScoresAsync(HttpClient api, Guid engagementId) => GetAsync(api, $"api/risk/engagements/{engagementId}/scores");

    public static async Task<JsonElement?> GetAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    /// <summary>Waits for the engagement's scores to satisfy a condition; returns them.</summary>
    public static async Task<JsonElement> WaitForScoresAsync(HttpClient api, Guid engagementId, Func<JsonElement, bool> condition, string what)
    {
        var box = await Eventually.WaitAsync(
            async () => await ScoresAsync(api, engagementId) is { } s && condition(s) ? new Box(s) : null, Wait, what);
        return box.Value;
    }

    public static decimal? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();

    public static async Task<List<JsonElement>> AlertsAsync(HttpClient api, string query = "")
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"api/risk/alerts?pageSize=500{query}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Counts the risk service's outbox rows of an event type about an engagement (or alert subject).</summary>
    public static Task<long> OutboxCountAsync(string type, string property, string value) =>
        SystemFixture.ScalarAsync<long>(
            "sourcing_risk",
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND payload ->> @property = @value",
            ("type", $"Sourcing.Contracts.{type}"), ("property", property), ("value", value));

    private sealed record Box(JsonElement Value);
}
