using System.Net;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>The rate limiter of every service, proven on a tenants process started with tiny limits.</summary>
[Collection(SystemCollection.Name)]
public sealed class RateLimitTests(SystemFixture system)
{
    [Fact]
    public async Task Over_a_tiny_configured_limit_a_client_gets_429_ProblemDetails_with_Retry_After_while_another_tenant_and_health_checks_go_on()
    {
        await using var limited = await system.StartVariantAsync("Tenants", 10, new Dictionary<string, string>
        {
            ["RateLimiting__ClientPermitLimit"] = "3",
            ["RateLimiting__TenantPermitLimit"] = "5",
            ["RateLimiting__Window"] = "00:00:30",
        });
        var first = await system.NewTenantAsync();
        var second = await system.NewTenantAsync();
        using var firstApi = SourcingClient.Api(limited.Url, first.AccessToken);
        using var secondApi = SourcingClient.Api(limited.Url, second.AccessToken);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await firstApi.GetAsync("api/tenant");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using (var refused = await firstApi.GetAsync("api/tenant"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
            Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 30);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Contains("Try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var other = await secondApi.GetAsync("api/tenant"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var health = new HttpClient { BaseAddress = limited.Url };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("health/live")).StatusCode);
        }
    }
}
