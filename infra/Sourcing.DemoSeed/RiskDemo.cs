using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

/// <summary>
/// The risk part of the demo: the risk service computes scores from the engagements and SLA
/// results that the other seeders create through their APIs, so there is nothing to write here;
/// it waits (up to 30 s) for scores and prints a summary, or says why there are none.
/// </summary>
internal static class RiskDemo
{
    public static async Task RunAsync(Uri risk, string adminToken)
    {
        Console.WriteLine($"Risk scores at {risk} ...");
        using var api = SourcingClient.Api(risk, adminToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement? portfolio = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await api.GetAsync("api/risk/portfolio");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (body.GetProperty("countsByBand").EnumerateObject().Sum(b => b.Value.GetInt32()) > 0)
                    {
                        portfolio = body;
                        break;
                    }
                }
            }
            catch (HttpRequestException)
            {
                Console.WriteLine("  the risk service does not answer: skipping the risk summary");
                return;
            }

            await Task.Delay(1000);
        }

        if (portfolio is not { } p)
        {
            Console.WriteLine("  no scores yet: the risk service scores engagements and SLA results once the engagements and SLA services publish them (skipping the summary)");
            return;
        }

        var bands = string.Join(", ", p.GetProperty("countsByBand").EnumerateObject().Select(b => $"{b.Name} {b.Value.GetInt32()}"));
        Console.WriteLine($"  engagements by band: {bands}");
        foreach (var e in p.GetProperty("riskiest").EnumerateArray().Take(3))
        {
            Console.WriteLine($"  riskiest: {e.GetProperty("name").GetString()} ({e.GetProperty("deliveryCountry").GetString()}): composite {e.GetProperty("composite")}, {e.GetProperty("band").GetString()}");
        }

        var alerts = await api.GetFromJsonAsync<JsonElement>("api/risk/alerts?status=open&pageSize=1");
        Console.WriteLine($"  open alerts: {alerts.GetProperty("totalCount").GetInt32()}");
    }
}
