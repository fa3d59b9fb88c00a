using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.Benchmarks;

/// <summary>What <see cref="ProductRun.SeedAsync"/> created: providers, engagements, and the engagements with an SLA.</summary>
public sealed record Seeded(List<Guid> Providers, List<Guid> Engagements, List<(Guid EngagementId, Guid SlaId)> Slas);

/// <summary>
/// The whole product as the README runs it, for the benchmarks that drive it over HTTP: every service
/// as a Release process on the benchmark environment's ports, and a tenant seeded through the public APIs.
/// </summary>
public static class ProductRun
{
    /// <summary>The services, in start order: name, port offset, database.</summary>
    public static readonly (string Name, int Offset, string Database)[] Services =
    [
        ("Identity", 0, "sourcing_identity"), ("Tenants", 1, "sourcing_tenants"), ("Engagements", 2, "sourcing_engagements"),
        ("Sla", 3, "sourcing_sla"), ("Risk", 4, "sourcing_risk"),
    ];

    /// <summary>Starts every service into <paramref name="services"/> (the caller disposes them, also when a start fails).</summary>
    public static async Task StartServicesAsync(BenchmarkContext context, Dictionary<string, ServiceProcess> services, CancellationToken cancellationToken)
    {
        var logs = LogDirectory(context);
        foreach (var (name, offset, database) in Services)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Console.WriteLine($"starting {name} (log: {logs}/{name.ToLowerInvariant()}.log)");
            services[name] = await ServiceProcess.StartAsync(
                name, $"Sourcing.{name}", context.ServicePortBase + offset, Environment(context, database), context.RepoRoot, "Release", logs);
        }
    }

    public static string LogDirectory(BenchmarkContext context) => Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "logs");

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static readonly string[] Countries = ["PH", "IN", "PL", "MX", "US", "EG", "RO", "VN", "CO", "ZA"];

    private static readonly Dictionary<string, string> Zones = new()
    {
        ["PH"] = "Asia/Manila",
        ["IN"] = "Asia/Kolkata",
        ["PL"] = "Europe/Warsaw",
        ["MX"] = "America/Mexico_City",
        ["US"] = "America/Chicago",
        ["EG"] = "Africa/Cairo",
        ["RO"] = "Europe/Bucharest",
        ["VN"] = "Asia/Ho_Chi_Minh",
        ["CO"] = "America/Bogota",
        ["ZA"] = "Africa/Johannesburg",
    };

    /// <summary>20 providers, 200 engagements, and 40 of them with an SLA and 90 days of measurements (some breached), then waits for the scores.</summary>
    public static async Task<Seeded> SeedAsync(
        Dictionary<string, ServiceProcess> services, string token, CancellationToken cancellationToken)
    {
        using var engagements = SourcingClient.Api(services["Engagements"].Url, token);
        using var sla = SourcingClient.Api(services["Sla"].Url, token);
        using var risk = SourcingClient.Api(services["Risk"].Url, token);
        var watch = Stopwatch.StartNew();
        var providers = new List<(Guid Id, string Country)>();
        for (var i = 0; i < 20; i++)
        {
            var country = Countries[i % Countries.Length];
            var body = new { legalName = $"Provider {i:D2} Ltd", hqCountry = country, deliveryCountries = new[] { country }, certifications = Array.Empty<object>() };
            providers.Add((await PostUntilCreatedAsync(engagements, "api/providers", body, cancellationToken), country));
        }

        var ids = new List<Guid>();
        var slas = new List<(Guid EngagementId, Guid SlaId)>();
        for (var i = 0; i < 200; i++)
        {
            var (providerId, country) = providers[i % providers.Count];
            ids.Add(await PostUntilCreatedAsync(engagements, "api/engagements", new
            {
                name = $"Engagement {i:D3}",
                providerId,
                scope = "whole-process",
                businessProcess = i % 2 == 0 ? "customer-service" : "it-services",
                deliveryCountry = country,
                deliveryTimeZone = Zones[country],
                placeOfWork = "provider-premises",
                headcount = 10 + i,
                core = false,
                dataSensitivity = Array.Empty<string>(),
                criticality = i % 5 == 0 ? "critical" : "standard",
                status = "active",
                contract = new { start = "2025-01-01", end = "2027-12-31", noticePeriodDays = 90, autoRenewal = false, pricingModel = "per-fte", annualValue = 100_000m + i, currency = "USD" },
            }, cancellationToken));
        }

        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var random = new Random(15);
        foreach (var engagementId in ids.Take(40))
        {
            var slaId = await PostUntilCreatedAsync(sla, $"api/engagements/{engagementId}/slas", new
            {
                metric = "Availability",
                unit = "%",
                target = 99.5m,
                direction = "at-least",
                period = "daily",
                serviceCreditPercent = 5m,
            }, cancellationToken);
            slas.Add((engagementId, slaId));
            var csv = new StringBuilder("slaId,period,value\n");
            for (var day = yesterday.AddDays(-89); day <= yesterday; day = day.AddDays(1))
            {
                var value = random.Next(6) == 0 ? 97.0m : 99.9m;
                csv.Append(CultureInfo.InvariantCulture, $"{slaId},{day:yyyy-MM-dd},{value}\n");
            }

            using var upload = await sla.PostAsync($"api/engagements/{engagementId}/measurements", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), cancellationToken);
            upload.EnsureSuccessStatusCode();
        }

        await Eventually.WaitAsync(
            async () => (await risk.GetFromJsonAsync<JsonElement>("api/risk/scores?pageSize=1", cancellationToken)).GetProperty("totalCount").GetInt32() >= ids.Count,
            TimeSpan.FromMinutes(5),
            "the risk service to score every engagement");
        Console.WriteLine($"seeded 20 providers, {ids.Count} engagements, 40 SLAs with 90 days each, and their scores in {watch.Elapsed.TotalSeconds:F0} s");
        return new Seeded([.. providers.Select(p => p.Id)], ids, slas);
    }

    /// <summary>POSTs until 201: the first writes wait for the service to learn the new tenant or engagement from its events.</summary>
    public static async Task<Guid> PostUntilCreatedAsync(HttpClient api, string path, object body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await api.PostAsJsonAsync(path, body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (attempt >= 120 || (int)response.StatusCode is not (409 or 404 or 422 or 503))
            {
                throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    public static Dictionary<string, string> Environment(BenchmarkContext context, string database) => new()
    {
        ["ConnectionStrings__Database"] = context.ConnectionString(database, "sourcing_app"),
        ["ConnectionStrings__Migrations"] = context.ConnectionString(database, "sourcing_owner"),
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = context.RabbitPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = context.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["DataProtection__KeysDirectory"] = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "keys", "dataprotection"),
        ["Identity__Authority"] = $"http://127.0.0.1:{context.ServicePortBase}/",
        ["Identity__Issuer"] = $"http://127.0.0.1:{context.ServicePortBase}/",
        ["Identity__KeysDirectory"] = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "keys"),
        ["Identity__AccessTokenLifetime"] = "01:00:00",
        // The limits stay on (their cost is part of every request) but far above the benchmark's rate.
        ["RateLimiting__TenantPermitLimit"] = "100000000",
        ["RateLimiting__ClientPermitLimit"] = "100000000",
        ["ASPNETCORE_ENVIRONMENT"] = "Staging", // production settings (no Development overrides); identity keys are generated under KeysDirectory
    };
}
