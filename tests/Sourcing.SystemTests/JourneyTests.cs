using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.SystemTests.Engagements;
using Sourcing.SystemTests.Risk;
using Sourcing.SystemTests.Sla;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>
/// Issue 20's full journey over HTTP, every service a real process: a company signs up, invites a vendor manager
/// (through the invitation e-mail), adds a provider and an engagement, defines an SLA, uploads a batch of
/// measurements with breaches; the scores change, an alert is raised, and the vendor manager's digest e-mail
/// reports it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class JourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sign_up_members_provider_engagement_SLA_bulk_measurements_breach_score_change_alert_and_digest_email()
    {
        // Sign-up, and a vendor manager who joins from the invitation e-mail.
        var tenant = await system.NewTenantAsync("Journey Freight Inc", timeZone: "America/Chicago");
        var managerEmail = SystemFixture.UniqueEmail("journey-vm");
        var manager = await system.Client.InviteAndJoinAsync(tenant.AccessToken, managerEmail, "Vic Vendor", "vendor-manager", SystemFixture.StrongPassword);
        var managerId = Guid.Parse(TokenInspection.Read(manager.Tokens.AccessToken!).Claim("sub")!);
        using var admin = system.Api(tenant.AccessToken);
        var members = await admin.GetFromJsonAsync<JsonElement>("api/members");
        Assert.Equal(2, members.GetProperty("totalCount").GetInt32());

        // The vendor manager's own token does the vendor manager's work from here on.
        using var engagements = EngagementsKit.ApiWithToken(system, manager.Tokens.AccessToken!);
        await Eventually.WaitAsync(async () => (await engagements.GetAsync("api/engagement-settings")).IsSuccessStatusCode, Wait, "the engagements service to know the tenant");
        var providerId = await EngagementsKit.CreateIdAsync(engagements, "api/providers", EngagementsKit.Provider("Cebu Contact Partners Inc", "PH"));
        var body = EngagementsKit.Engagement(providerId, name: "Tier-1 customer care");
        body["criticality"] = "critical";
        var engagement = await EngagementsKit.CreateAsync(engagements, "api/engagements", body);
        var engagementId = engagement.GetProperty("id").GetGuid();
        Assert.Equal("offshore-bpo-outsourcing", engagement.GetProperty("classification").GetProperty("kind").GetString());

        using var sla = system.Sla(manager.Tokens.AccessToken);
        await Eventually.WaitAsync(async () => (await sla.GetAsync($"api/engagements/{engagementId}")).StatusCode == HttpStatusCode.OK, Wait, "the SLA service to know the engagement");
        var slaId = await sla.DefineAsync(engagementId, metric: "Calls answered within 20 s", target: 80m, direction: "at-least", period: "daily");

        using var risk = RiskApi.Client(manager.Tokens.AccessToken!);
        var before = await RiskApi.WaitForScoresAsync(risk, engagementId, _ => true, "the engagement's first scores");

        // 60 days measured in one upload; the last 12 missed the target.
        var rows = Enumerable.Range(1, 60).Select(d => (slaId, SlaKit.Today.AddDays(-d), d <= 12 ? 61.5m : 88m)).ToArray();
        using (var upload = await sla.PostCsvAsync(engagementId, SlaKit.Csv(rows)))
        {
            var text = await upload.Content.ReadAsStringAsync();
            Assert.True(upload.IsSuccessStatusCode, text);
            var result = JsonDocument.Parse(text).RootElement;
            Assert.Equal(60, result.GetProperty("rows").GetInt64());
            Assert.Equal(12, result.GetProperty("breaches").GetInt64());
        }

        var after = await RiskApi.WaitForScoresAsync(
            risk, engagementId, s => RiskApi.Number(s, "quality") is not null && RiskApi.Number(s, "quality") != RiskApi.Number(before, "quality"), "the quality score to change");
        Assert.True(RiskApi.Number(after, "quality") > 0, $"breaches must cost quality: {after}");

        var alert = await Eventually.WaitAsync(
            async () => (await RiskApi.AlertsAsync(risk, "&kind=sla-breach")).FirstOrDefault(a => a.GetProperty("engagementId").GetGuid() == engagementId) is { ValueKind: JsonValueKind.Object } found ? new Box(found) : null,
            Wait,
            "the SLA-breach alert");
        Assert.Equal("open", alert.Value.GetProperty("status").GetString());
        Assert.Equal("critical", alert.Value.GetProperty("severity").GetString());

        // The vendor manager's digest, made due now, reports the engagement and the alert.
        using (var subscribe = await risk.PutAsJsonAsync(
            "api/risk/digests/subscription", new { frequency = "daily", localTime = "07:00", timeZone = "America/Chicago", minBand = "low", scope = "all" }))
        {
            Assert.True(subscribe.IsSuccessStatusCode, await subscribe.Content.ReadAsStringAsync());
        }

        await DigestSetup.MakeDueAsync(tenant.TenantId, managerId);
        var digest = await DigestSetup.MailDev.WaitForEmailAsync(managerEmail, "risk digest", Wait);
        Assert.Contains("Journey Freight Inc", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Tier-1 customer care", digest.Html, StringComparison.Ordinal);
        Assert.Contains("Calls answered within 20 s", digest.Html + digest.Text, StringComparison.Ordinal);
        Assert.Single(await DigestSetup.MailDev.EmailsToAsync(managerEmail), e => e.Subject.Contains("risk digest", StringComparison.OrdinalIgnoreCase));
    }

    private sealed record Box(JsonElement Value);
}
