using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Contracts;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>The strategy advisor (POST api/risk/advice): computed over the asking tenant's portfolio only; bad input named; a token needed.</summary>
[Collection(SystemCollection.Name)]
public sealed class AdviceTests(SystemFixture system)
{
    private static object Question(string process = "data-entry", object? candidates = null, int months = 36) => new
    {
        process,
        scope = "whole-process",
        months,
        criticality = "standard",
        candidates = candidates ?? new[] { new { country = "PH", timeZone = (string?)null } },
        priorities = new { cost = 3 },
        expectedAnnualCost = 100_000,
    };

    [Fact]
    public async Task The_advice_projects_onto_the_asking_tenants_own_portfolio_and_no_one_elses()
    {
        var a = await system.NewTenantAsync("Advice A Ltd");
        var b = await system.NewTenantAsync("Advice B Ltd");
        using var apiA = Client(a.AccessToken);
        using var apiB = Client(b.AccessToken);
        await WaitForTenantAsync(apiA);
        await WaitForTenantAsync(apiB);

        // Tenant A already pays a provider 300,000 USD a year for data entry.
        var providerId = Guid.NewGuid();
        var engagementId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = a.TenantId, Provider = RiskEvents.Provider(providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = a.TenantId,
            Engagement = RiskEvents.Engagement(engagementId, providerId, process: "data-entry", annualValue: 300_000m),
        });
        await WaitForScoresAsync(apiA, engagementId, s => Number(s, "dependency") is not null, "tenant A's existing engagement to be scored");

        var adviceA = await AdviseAsync(apiA, Question());
        var adviceB = await AdviseAsync(apiB, Question());

        // A: the option's 100,000 beside the existing 300,000: the process's HHI 1 -> 0.75^2 + 0.25^2 = 0.625; dependency
        // 100 x (0.5 x 0.25 + 0.5 x 0.625) = 43.75, +10 for a term over 24 months = 53.75.
        var homeA = Option(adviceA, "bpo-outsourcing");
        Assert.Equal(1, homeA.GetProperty("concentration").GetProperty("processHhiBefore").GetDouble());
        Assert.Equal(0.625, homeA.GetProperty("concentration").GetProperty("processHhiAfter").GetDouble());
        Assert.Equal(53.75, homeA.GetProperty("risk").GetProperty("dependency").GetDouble());

        // B has no data entry (and never sees A's): the option would be the whole process and all of B's cost: 100 + 10, capped at 100.
        var homeB = Option(adviceB, "bpo-outsourcing");
        Assert.Equal(JsonValueKind.Null, homeB.GetProperty("concentration").GetProperty("processHhiBefore").ValueKind);
        Assert.Equal(1, homeB.GetProperty("concentration").GetProperty("processHhiAfter").GetDouble());
        Assert.Equal(100, homeB.GetProperty("risk").GetProperty("dependency").GetDouble());

        // Ranked, with the reasons: the Philippines' time zone was set from the country (one offset there).
        var ranked = adviceA.GetProperty("options").EnumerateArray().Where(o => o.GetProperty("applicable").GetBoolean()).ToList();
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(o => o.GetProperty("rank").GetInt32()));
        Assert.Equal("Asia/Manila", Option(adviceA, "offshore-bpo-outsourcing").GetProperty("timeZone").GetString());
        Assert.StartsWith("Recommended: ", adviceA.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(adviceA.GetProperty("decidedBy").EnumerateArray());

        // Nothing was written: tenant A still has one engagement in the risk service.
        Assert.Equal(1, await SystemFixture.CountAsTenantAsync("sourcing_risk", a.TenantId, "SELECT count(*) FROM engagements"));
    }

    [Fact]
    public async Task Bad_questions_are_400_naming_each_field_and_a_missing_token_401()
    {
        var tenant = await system.NewTenantAsync("Advice Input Ltd");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);

        using var bad = await api.PostAsJsonAsync("api/risk/advice", new
        {
            process = "astrology",
            scope = "whole-process",
            months = 0,
            criticality = "standard",
            candidates = new object[]
            {
                new { country = "US", timeZone = (string?)null },
                new { country = "BR", timeZone = (string?)null },
                new { country = "PH", timeZone = "Europe/Paris" },
            },
            priorities = new { cost = 4 },
            currency = "XYZ",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "process", "months", "candidates[0].country", "candidates[1].timeZone", "candidates[2].timeZone", "priorities.cost", "currency" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Contains("head-office country", errors.GetProperty("candidates[0].country")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("time zones differ", errors.GetProperty("candidates[1].timeZone")[0].GetString(), StringComparison.Ordinal);

        using var anonymous = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{SystemFixture.Port("Risk")}/") };
        using var unauthorised = await anonymous.PostAsJsonAsync("api/risk/advice", Question());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }

    private static async Task<JsonElement> AdviseAsync(HttpClient api, object question)
    {
        using var response = await api.PostAsJsonAsync("api/risk/advice", question);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"advice: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Option(JsonElement advice, string code) =>
        advice.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code);
}
