using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sourcing.Testing;

/// <summary>
/// Seeds SLAs on the demo tenant's engagements through the SLA service's public API: three SLAs per
/// engagement and about six months of daily measurements, uploaded as one CSV batch each, with some
/// breaches. Uses whatever engagements the engagements service lists; skips with a message when it
/// lists none (or is not running). Safe to run again: an engagement that has SLAs is left alone.
/// </summary>
internal static class SlaDemo
{
    private const int Days = 182;
    private const int MaxEngagements = 20;

    /// <summary>
    /// Engagements whose service is poor on purpose, so that the demo shows risk in every band: the
    /// share of days that miss (over the whole window, and over its last 30 days) and how far a miss
    /// falls short, as a fraction of the target. Every other engagement misses about one day in 15,
    /// by a little.
    /// </summary>
    private static readonly Dictionary<string, (double Miss, double RecentMiss, decimal Shortfall)> Struggling = new()
    {
        ["Medical transcription, Karachi"] = (0.85, 0.97, 0.50m),
        ["Arabic customer line, Cairo"] = (0.85, 0.97, 0.40m),
    };

    private static readonly (string Metric, string Unit, decimal Target, string Direction, decimal Weight, decimal? Credit, decimal Good, decimal Spread)[] Slas =
    [
        ("Service availability", "%", 99.5m, "at-least", 2m, 5m, 99.85m, 0.5m),
        ("First-contact resolution", "%", 80m, "at-least", 1m, null, 84m, 6m),
        ("Average handle time", "s", 360m, "at-most", 1m, 2m, 330m, 40m),
    ];

    public static async Task SeedAsync(string adminToken, Uri engagements, Uri sla)
    {
        Console.WriteLine($"Seeding SLAs against {sla} (engagements from {engagements}) ...");
        List<(Guid Id, string Name)> found;
        try
        {
            using var engagementsApi = SourcingClient.Api(engagements, adminToken);
            using var response = await engagementsApi.GetAsync("api/engagements?pageSize=500");
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"  skipping SLAs: the engagements service answered {(int)response.StatusCode}");
                return;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
            found = items.EnumerateArray()
                .Select(e => (e.GetProperty("id").GetGuid(), e.TryGetProperty("name", out var n) ? n.GetString() ?? "" : ""))
                .Take(MaxEngagements)
                .ToList();
        }
        catch (HttpRequestException ex)
        {
            Console.WriteLine($"  skipping SLAs: the engagements service is not reachable ({ex.Message})");
            return;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Console.WriteLine($"  skipping SLAs: the engagements service's list was not understood ({ex.Message})");
            return;
        }

        if (found.Count == 0)
        {
            Console.WriteLine("  skipping SLAs: the engagements service lists no engagements");
            return;
        }

        using var api = SourcingClient.Api(sla, adminToken);
        foreach (var (id, name) in found)
        {
            try
            {
                await SeedEngagementAsync(api, id, name);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // The SLA demo is an extra: the rest of the demo stands without it.
                Console.WriteLine($"  {name}: SLAs not seeded ({ex.Message})");
            }
        }
    }

    private static async Task SeedEngagementAsync(HttpClient api, Guid id, string name)
    {
        JsonElement? known = null;
        for (var attempt = 0; attempt < 60 && known is null; attempt++)
        {
            using var response = await api.GetAsync($"api/engagements/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                known = await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            else
            {
                await Task.Delay(500);
            }
        }

        if (known is not { } engagement)
        {
            Console.WriteLine($"  {name}: the SLA service does not know this engagement yet; skipped");
            return;
        }

        if (engagement.GetProperty("status").GetString() == "terminated")
        {
            Console.WriteLine($"  {name}: terminated; skipped");
            return;
        }

        var existing = await api.GetFromJsonAsync<JsonElement>($"api/engagements/{id}/slas?includeRetired=true&pageSize=1");
        if (existing.GetProperty("totalCount").GetInt32() > 0)
        {
            Console.WriteLine($"  {name}: has SLAs already");
            return;
        }

        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var first = yesterday.AddDays(-(Days - 1));
        if (engagement.TryGetProperty("contractStart", out var start) && start.ValueKind == JsonValueKind.String
            && DateOnly.Parse(start.GetString()!, CultureInfo.InvariantCulture) is var contractStart && contractStart > first)
        {
            first = contractStart;
        }

        if (first > yesterday)
        {
            Console.WriteLine($"  {name}: the contract starts {first:yyyy-MM-dd}; nothing to measure yet");
            return;
        }

        // Seeded by the name, so that every fresh demo gets the same measurements (and scores).
        var random = new Random(name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)));
        var csv = new StringBuilder("slaId,period,value\n");
        foreach (var definition in Slas)
        {
            using var created = await api.PostAsJsonAsync($"api/engagements/{id}/slas", new
            {
                metric = definition.Metric,
                unit = definition.Unit,
                target = definition.Target,
                direction = definition.Direction,
                period = "daily",
                weight = definition.Weight,
                serviceCreditPercent = definition.Credit,
            });
            created.EnsureSuccessStatusCode();
            var slaId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            for (var day = first; day <= yesterday; day = day.AddDays(1))
            {
                // Mostly on target; about one day in fifteen goes the wrong side of it (more, and further,
                // for the struggling ones).
                var noise = (decimal)(random.NextDouble() - 0.5) * definition.Spread;
                var sign = definition.Direction == "at-least" ? -1 : 1;
                decimal value;
                if (Struggling.TryGetValue(name, out var poor))
                {
                    var missRate = day > yesterday.AddDays(-30) ? poor.RecentMiss : poor.Miss;
                    value = random.NextDouble() < missRate
                        ? definition.Target * (1 + sign * poor.Shortfall * (decimal)(0.5 + random.NextDouble()))
                        : definition.Good + noise / 2;
                }
                else
                {
                    var bad = random.Next(15) == 0;
                    value = bad ? definition.Target + sign * (decimal)(0.1 + random.NextDouble()) * definition.Spread : definition.Good + noise / 2;
                }

                csv.Append(slaId).Append(',').Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(Math.Round(value, 2).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        using var upload = await api.PostAsync($"api/engagements/{id}/measurements", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var result = await upload.Content.ReadAsStringAsync();
        if (!upload.IsSuccessStatusCode)
        {
            Console.WriteLine($"  {name}: the measurements were refused ({(int)upload.StatusCode}): {result}");
            return;
        }

        var counts = JsonDocument.Parse(result).RootElement;
        Console.WriteLine($"  {name}: 3 SLAs, {counts.GetProperty("rows").GetInt64()} daily measurements from {first:yyyy-MM-dd}, {counts.GetProperty("breaches").GetInt64()} breaches");
    }
}
