using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// Policy and contract findings appear and clear as the data (and the tenant's switches) change.
/// Contract findings are computed on read; policy findings come from the risk service (which owns
/// the policy checks) within seconds, so the tests wait for them.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementFindingsTests(SystemFixture system)
{
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Findings_appear_and_clear_as_the_data_changes()
    {
        using var t = await NewTenantAsync(system);
        var uncertified = Provider("Cebu Legal Process Ltd", "PH", certified: false);
        var providerId = await CreateIdAsync(t.Api, "api/providers", uncertified);
        var body = Engagement(providerId, name: "Contract review");
        body["businessProcess"] = "legal";
        body["criticality"] = "critical";
        body["core"] = true;
        body["dataSensitivity"] = new[] { "personal", "legal-privilege" };
        body["contract"] = Contract(start: "2024-01-01", end: InDays(-10));
        var id = await CreateIdAsync(t.Api, "api/engagements", body);

        await WaitForChecksAsync(t, id,
            [
                "contract-past-end-date", "core-process-outsourced", "not-advisable-to-offshore", "not-monitored",
                "sensitive-data-in-high-risk-country", // legal privilege in the Philippines (WGI 2025: bottom quartile)
                "sensitive-data-without-certification", "single-sourced-critical-process",
            ]);

        // A current ISO 27001 certificate clears the certification finding.
        uncertified["certifications"] = new object[] { new { name = "ISO/IEC 27001:2022", validUntil = InDays(365) } };
        using (var put = await PutAsync(t.Api, $"api/providers/{providerId}", uncertified))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await Eventually.WaitAsync(async () => !(await Checks(t, id)).Contains("sensitive-data-without-certification"), Wait, "the certification finding to clear");

        // Work on the tenant's premises at home, not core, under a contract inside its notice window.
        body["deliveryCountry"] = "US";
        body["deliveryTimeZone"] = "America/New_York";
        body["placeOfWork"] = "tenant-premises";
        body["core"] = false;
        body["contract"] = Contract(start: "2024-01-01", end: InDays(30), notice: 90);
        using (var put = await PutAsync(t.Api, $"api/engagements/{id}", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Contains("contract-in-notice-window", (await put.JsonAsync()).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("check").GetString()));
        }

        await WaitForChecksAsync(t, id, ["contract-in-notice-window", "not-monitored", "single-sourced-critical-process"]);

        // A second source for the critical process clears the single sourcing.
        var centreId = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre());
        var second = Engagement(captiveCentreId: centreId, name: "Legal back office", country: "PL");
        second["businessProcess"] = "legal";
        second["dataSensitivity"] = Array.Empty<string>();
        var secondId = await CreateIdAsync(t.Api, "api/engagements", second);
        await WaitForChecksAsync(t, id, ["contract-in-notice-window", "not-monitored"]);
        await WaitForChecksAsync(t, secondId, ["not-advisable-to-offshore", "not-monitored"]);

        // Terminating clears everything of the engagement.
        using (var terminate = await t.Api.PostAsJsonAsync($"api/engagements/{id}/terminate", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, terminate.StatusCode);
        }

        Assert.Empty(await Checks(t, id));
        var all = await t.Api.GetFromJsonAsync<JsonElement>("api/findings");
        Assert.Equal([secondId], Items(all).Select(f => f.GetProperty("engagementId").GetGuid()).Distinct());
    }

    [Fact]
    public async Task A_check_the_tenant_switches_off_stops_producing_findings()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var body = Engagement(providerId, name: "Offshore legal");
        body["businessProcess"] = "legal";
        var id = await CreateIdAsync(t.Api, "api/engagements", body);
        await Eventually.WaitAsync(async () => (await Checks(t, id)).Contains("not-advisable-to-offshore"), Wait, "the not-advisable finding");

        using var tenants = system.Api(t.Tenant.AccessToken);
        var settings = JsonSerializer.SerializeToNode(Settings.Valid())!.AsObject();
        settings["policyChecks"]!["notAdvisableToOffshore"] = false;
        using (var put = await tenants.PutAsJsonAsync("api/tenant/settings", settings))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await Eventually.WaitAsync(async () => !(await Checks(t, id)).Contains("not-advisable-to-offshore"), TimeSpan.FromSeconds(20), "the switched-off check to clear");
    }

    [Fact]
    public async Task Sensitive_data_in_a_high_risk_country_is_a_finding_of_the_engagement_and_of_its_risk_breakdown()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider("Karachi Claims Ltd", "PK"));
        var body = Engagement(providerId, name: "Claims processing", country: "PK");
        body["deliverySite"] = "Karachi";
        body["dataSensitivity"] = new[] { "health" };
        var id = await CreateIdAsync(t.Api, "api/engagements", body);

        // Pakistan's WGI political stability (31.43) is in the bottom quartile (at or below 56.31).
        await Eventually.WaitAsync(async () => (await Checks(t, id)).Contains("sensitive-data-in-high-risk-country"), Wait, "the high-risk-country finding of the engagement");
        using var risk = Risk.RiskApi.Client(t.Tenant.AccessToken);
        var scores = await Risk.RiskApi.WaitForScoresAsync(
            risk, id,
            s => s.GetProperty("breakdown").GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("code").GetString() == "sensitive-data-in-high-risk-country"),
            "the high-risk-country finding in the risk breakdown");
        Assert.Contains(scores.GetProperty("breakdown").GetProperty("geopolitical").EnumerateArray(), f => f.GetProperty("name").GetString() == "sensitive data");

        // At home the same data is no finding.
        body["deliveryCountry"] = "US";
        body["deliveryTimeZone"] = "America/New_York";
        body["deliverySite"] = "Houston";
        using (var put = await PutAsync(t.Api, $"api/engagements/{id}", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await Eventually.WaitAsync(async () => !(await Checks(t, id)).Contains("sensitive-data-in-high-risk-country"), Wait, "the high-risk-country finding to clear");
    }

    [Fact]
    public async Task A_contracts_renewal_decision_defaults_to_undecided_round_trips_and_refuses_unknown_values()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var body = Engagement(providerId, name: "Renewal");
        var created = await CreateAsync(t.Api, "api/engagements", body);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("undecided", created.GetProperty("contract").GetProperty("renewalDecision").GetString());

        var contract = Contract();
        contract["renewalDecision"] = "exit";
        body["contract"] = contract;
        using (var put = await PutAsync(t.Api, $"api/engagements/{id}", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("exit", (await put.JsonAsync()).GetProperty("contract").GetProperty("renewalDecision").GetString());
        }

        var changed = await OutboxAsync(t.TenantId, "EngagementChanged");
        Assert.Contains(changed, o => o.Payload.GetProperty("engagement").GetProperty("contract").GetProperty("renewalDecision").GetString() == "exit");

        contract["renewalDecision"] = "maybe";
        using var bad = await PutAsync(t.Api, $"api/engagements/{id}", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("contract.renewalDecision", out _));
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static async Task WaitForChecksAsync(EngagementsTenant t, Guid id, List<string> expected)
    {
        List<string> last = [];
        try
        {
            await Eventually.WaitAsync(async () => (last = await Checks(t, id)).SequenceEqual(expected), Wait, $"the findings {string.Join(", ", expected)}");
        }
        catch (TimeoutException)
        {
            Assert.Equal(expected, last); // says which findings there were instead
        }
    }

    private static async Task<List<string>> Checks(EngagementsTenant t, Guid id)
    {
        var (engagement, _) = await GetAsync(t.Api, $"api/engagements/{id}");
        return [.. engagement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("check").GetString()!).Order()];
    }
}
