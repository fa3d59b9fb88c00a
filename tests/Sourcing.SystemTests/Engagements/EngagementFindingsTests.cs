using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Policy and contract findings appear and clear as the data (and the tenant's switches) change.</summary>
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

        Assert.Equal(
            ["contract-past-end-date", "core-process-outsourced", "not-advisable-to-offshore", "sensitive-data-without-certification", "single-sourced-critical-process"],
            await Checks(t, id));

        // A current ISO 27001 certificate clears the certification finding.
        uncertified["certifications"] = new object[] { new { name = "ISO/IEC 27001:2022", validUntil = InDays(365) } };
        using (var put = await PutAsync(t.Api, $"api/providers/{providerId}", uncertified))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.DoesNotContain("sensitive-data-without-certification", await Checks(t, id));

        // Work on the tenant's premises at home, not core, under a contract inside its notice window.
        body["deliveryCountry"] = "US";
        body["deliveryTimeZone"] = "America/New_York";
        body["placeOfWork"] = "tenant-premises";
        body["core"] = false;
        body["contract"] = Contract(start: "2024-01-01", end: InDays(30), notice: 90);
        using (var put = await PutAsync(t.Api, $"api/engagements/{id}", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var findings = (await put.JsonAsync()).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("check").GetString()).Order().ToList();
            Assert.Equal(["contract-in-notice-window", "single-sourced-critical-process"], findings);
        }

        // A second source for the critical process clears the single sourcing.
        var centreId = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre());
        var second = Engagement(captiveCentreId: centreId, name: "Legal back office", country: "PL");
        second["businessProcess"] = "legal";
        second["dataSensitivity"] = Array.Empty<string>();
        var secondId = await CreateIdAsync(t.Api, "api/engagements", second);
        Assert.Equal(["contract-in-notice-window"], await Checks(t, id));
        Assert.Equal(["not-advisable-to-offshore"], await Checks(t, secondId));

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
        Assert.Contains("not-advisable-to-offshore", await Checks(t, id));

        using var tenants = system.Api(t.Tenant.AccessToken);
        var settings = JsonSerializer.SerializeToNode(Settings.Valid())!.AsObject();
        settings["policyChecks"]!["notAdvisableToOffshore"] = false;
        using (var put = await tenants.PutAsJsonAsync("api/tenant/settings", settings))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await Eventually.WaitAsync(async () => !(await Checks(t, id)).Contains("not-advisable-to-offshore"), TimeSpan.FromSeconds(20), "the switched-off check to clear");
    }

    private static async Task<List<string>> Checks(EngagementsTenant t, Guid id)
    {
        var (engagement, _) = await GetAsync(t.Api, $"api/engagements/{id}");
        return [.. engagement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("check").GetString()!).Order()];
    }
}
