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
        await WhatIfAsync(api, p);
    }

    /// <summary>The failure what-if of the provider whose failure strands the most spend in critical processes with no other source.</summary>
    private static async Task WhatIfAsync(HttpClient api, JsonElement portfolio)
    {
        var worst = (Spend: 0m, Text: "");
        foreach (var source in portfolio.GetProperty("bySource").EnumerateArray())
        {
            var key = source.GetProperty("key").GetString() ?? "";
            if (!key.StartsWith("provider:", StringComparison.Ordinal))
            {
                continue;
            }

            using var response = await api.GetAsync($"api/risk/what-if/failure?providerId={key["provider:".Length..]}");
            if (!response.IsSuccessStatusCode)
            {
                continue; // the risk service has not heard of the provider yet
            }

            var whatIf = await response.Content.ReadFromJsonAsync<JsonElement>();
            var critical = whatIf.GetProperty("processesWithoutAlternative").EnumerateArray().Where(x => x.GetProperty("critical").GetBoolean()).ToList();
            var spend = critical.Sum(x => x.GetProperty("spend").GetDecimal());
            if (critical.Count > 0 && spend > worst.Spend)
            {
                var stranded = whatIf.GetProperty("stranded");
                worst = (spend, $"  what if {whatIf.GetProperty("name").GetString()} fails: {stranded.GetProperty("engagements").GetInt32()} engagement(s) stop, "
                    + $"{stranded.GetProperty("spend").GetDecimal():#,0} {whatIf.GetProperty("reportingCurrency").GetString()} a year, {stranded.GetProperty("headcount").GetInt32()} people, "
                    + $"{stranded.GetProperty("slas").GetInt32()} SLA(s); critical with no other source: {string.Join(", ", critical.Select(x => x.GetProperty("process").GetString()))} (portal: What if)");
            }
        }

        Console.WriteLine(worst.Text.Length > 0 ? worst.Text : "  what if: no provider's failure strands a critical process");
    }

    /// <summary>
    /// The vendor manager's digest: the subscription made when he joined (weekly, Monday 08:00, his
    /// engagements) widened to all of the tenant's engagements, as the demo's engagements have no owner.
    /// </summary>
    public static async Task DigestAsync(Uri risk, string vendorManagerToken, string timeZone, Uri mailDev)
    {
        Console.WriteLine("Risk digest of the vendor manager ...");
        using var api = SourcingClient.Api(risk, vendorManagerToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await api.GetAsync("api/risk/digests/subscription");
            if (response.IsSuccessStatusCode)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                Console.WriteLine($"  no subscription yet (the risk service answered {(int)response.StatusCode}): skipping");
                return;
            }

            await Task.Delay(1000);
        }

        using var put = await api.PutAsJsonAsync("api/risk/digests/subscription", new
        {
            frequency = "weekly",
            dayOfWeek = 1,
            localTime = "08:00",
            timeZone,
            minBand = "medium",
            scope = "all",
            paused = false,
            sendEmpty = true,
        });
        var subscription = await put.Content.ReadFromJsonAsync<JsonElement>();
        if (!put.IsSuccessStatusCode)
        {
            Console.WriteLine($"  the subscription was not changed: {subscription}");
            return;
        }

        Console.WriteLine($"  {subscription.GetProperty("email").GetString()}: weekly on Monday at 08:00 {timeZone}, all engagements, band medium and up; "
            + $"next digest {subscription.GetProperty("nextDueAt").GetDateTimeOffset():yyyy-MM-dd HH:mm} UTC; e-mails appear at {mailDev}");
    }
}
