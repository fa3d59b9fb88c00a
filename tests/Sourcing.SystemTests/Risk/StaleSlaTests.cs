using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Contracts;
using Sourcing.SystemTests.Sla;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>The SLA service owns what "stale" means: its report and the risk service's findings name the same SLAs.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaleSlaTests(SystemFixture system)
{
    [Fact]
    public async Task One_stale_SLA_is_reported_the_same_by_the_SLA_report_and_the_risk_findings()
    {
        var tenant = await system.NewTenantAsync("Stale Meaning Inc");
        using var risk = Client(tenant.AccessToken);
        await WaitForTenantAsync(risk);
        var providerId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        var engagementId = await system.KnowEngagementAsync(tenant, RiskEvents.Engagement(Guid.NewGuid(), providerId));
        using var sla = system.Sla(tenant.AccessToken);
        var fresh = await sla.DefineAsync(engagementId, "Fresh metric", 80m, "at-least", "daily");
        var stale = await sla.DefineAsync(engagementId, "Stale metric", 80m, "at-least", "daily");

        // Daily SLAs, judged today: the last two ended periods are yesterday and the day before.
        // "Fresh metric" has a value for the day before yesterday: not stale. "Stale metric" was last
        // measured three days ago: stale. (The risk service used to call both stale.)
        var today = SlaKit.Today;
        using (var posted = await sla.PostCsvAsync(engagementId, SlaKit.Csv((fresh, today.AddDays(-2), 90m), (stale, today.AddDays(-3), 90m))))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var report = await sla.GetFromJsonAsync<JsonElement>($"api/engagements/{engagementId}/sla-report");
        Assert.Equal([stale], report.GetProperty("staleSlas").EnumerateArray().Select(s => s.GetGuid()));

        // Once both SLAs' results reached the risk service (a quality factor each), its stale findings name the same one.
        var scores = await WaitForScoresAsync(
            risk,
            engagementId,
            s => s.GetProperty("breakdown").GetProperty("quality").EnumerateArray().Count(f => f.GetProperty("name").GetString()!.StartsWith("SLA ", StringComparison.Ordinal)) == 2,
            "a quality score from both SLAs");
        var staleFindings = scores.GetProperty("breakdown").GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "stale")
            .Select(f => f.GetProperty("message").GetString()!)
            .ToList();
        var finding = Assert.Single(staleFindings);
        Assert.Contains("'Stale metric'", finding);
    }

    [Fact]
    public async Task Results_consumed_before_the_SLAs_definition_keep_their_standing()
    {
        var tenant = await system.NewTenantAsync("Stale Order Inc");
        using var risk = Client(tenant.AccessToken);
        await WaitForTenantAsync(risk);
        var providerId = Guid.NewGuid();
        var engagementId = Guid.NewGuid();
        var slaId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = RiskEvents.Engagement(engagementId, providerId) });

        // The results (measured up to yesterday: not stale until well ahead) are consumed first ...
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await RiskEvents.PublishAsync(RiskEvents.Results(tenant.TenantId, engagementId, slaId, 5, 0) with
        {
            Standings = [new SlaStanding(slaId, today.AddDays(-1), today.AddDays(10))],
        });
        await Eventually.WaitAsync(
            async () => await SystemFixture.CountAsTenantAsync("sourcing_risk", tenant.TenantId, "SELECT count(*) FROM sla_results WHERE sla_id = @s", ("s", slaId)) == 5,
            Wait,
            "the results in the risk service");

        // ... then the definition, whose standing (as of its own time, no measurement yet) says stale.
        await RiskEvents.PublishAsync(new SlaDefined { TenantId = tenant.TenantId, Sla = RiskEvents.Sla(slaId, engagementId, "Ordered metric") with { StaleFrom = today.AddDays(-5) } });
        var scores = await WaitForScoresAsync(
            risk,
            engagementId,
            s => s.GetProperty("breakdown").GetProperty("quality").EnumerateArray().Any(f => f.GetProperty("name").GetString()!.Contains("Ordered metric", StringComparison.Ordinal)),
            "a quality score from the SLA");
        Assert.DoesNotContain(
            scores.GetProperty("breakdown").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "stale");
    }
}
