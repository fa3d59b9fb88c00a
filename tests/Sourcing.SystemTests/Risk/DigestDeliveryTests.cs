using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Contracts;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.DigestSetup;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>Issue 16: each recipient-period sent once (concurrent runs, two instances, an SMTP outage), critical alerts at once and coalesced, tenants apart.</summary>
[Collection(SystemCollection.Name)]
public sealed class DigestDeliveryTests(SystemFixture system)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    /// <summary>Long enough for several more due-job rounds (every 5 s) and dispatcher polls to have run.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Concurrent_runs_on_two_instances_send_one_email_per_recipient_period()
    {
        var tenant = await system.NewTenantAsync("Digest Once Inc");
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var managers = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => JoinAsync(system, tenant.TenantId, $"Manager {i}")));

        // A second risk-service process on the same database: its own Hangfire server, due job and e-mail dispatcher.
        await using var second = await system.StartVariantAsync("Risk", 14, new Dictionary<string, string>());
        await ExecuteAsTenantAsync(tenant.TenantId, "UPDATE digest_subscriptions SET send_empty = true");
        await MakeAllDueAsync(tenant.TenantId);

        // Besides both instances' recurring job, six explicit runs at once, three on each instance.
        var platform = Token(system, tenant.TenantId, "platform-admin");
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var http = new HttpClient { BaseAddress = i % 2 == 0 ? system.Service("Risk").Url : second.Url };
            http.DefaultRequestHeaders.Authorization = new("Bearer", platform);
            using var response = await http.PostAsync("api/risk/digests/run", null);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));
        Assert.True(runs.Sum(r => r.GetProperty("queued").GetInt32() + r.GetProperty("empty").GetInt32()) <= managers.Length);

        foreach (var manager in managers)
        {
            await MailDev.WaitForEmailAsync(manager.Email, "risk digest", MailWait);
        }

        await Task.Delay(Settle);
        foreach (var manager in managers)
        {
            Assert.Single(await MailDev.EmailsToAsync(manager.Email));
        }

        var deliveries = (await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/deliveries?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(managers.Length, deliveries.Count);
        Assert.Equal(managers.Select(m => m.Email).Order(), deliveries.Select(d => d.GetProperty("recipient").GetString()).Order());
        Assert.All(deliveries, d => Assert.Equal("sent", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task With_the_SMTP_server_down_nothing_is_lost_admins_see_the_failures_and_each_digest_arrives_once_after()
    {
        var tenant = await system.NewTenantAsync("Digest Outage Inc");
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var managers = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => JoinAsync(system, tenant.TenantId, $"Outage Manager {i}")));
        await ExecuteAsTenantAsync(tenant.TenantId, "UPDATE digest_subscriptions SET send_empty = true");

        system.RiskSmtp.Close();
        try
        {
            await MakeAllDueAsync(tenant.TenantId);
            // Queued, tried, refused: the admin sees each as failing, with the error.
            var failing = await Eventually.WaitAsync(
                async () => (await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/deliveries?status=failing")).GetProperty("items").EnumerateArray().ToList() is { Count: 3 } list ? list : null,
                MailWait,
                "three failing deliveries");
            Assert.All(failing, d =>
            {
                Assert.True(d.GetProperty("attempts").GetInt32() >= 1);
                Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("lastError").GetString()));
            });
            await Task.Delay(TimeSpan.FromSeconds(4));
            foreach (var manager in managers)
            {
                Assert.Empty(await MailDev.EmailsToAsync(manager.Email));
            }
        }
        finally
        {
            system.RiskSmtp.Open();
        }

        foreach (var manager in managers)
        {
            await MailDev.WaitForEmailAsync(manager.Email, "risk digest", MailWait);
        }

        await Task.Delay(Settle);
        foreach (var manager in managers)
        {
            Assert.Single(await MailDev.EmailsToAsync(manager.Email));
        }

        var deliveries = (await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/deliveries")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("sent", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Critical_alerts_are_mailed_within_a_minute_and_a_burst_becomes_one_email_per_recipient()
    {
        var tenant = await system.NewTenantAsync("Critical Burst Inc");
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var all = await JoinAsync(system, tenant.TenantId, "Alma All");
        var mine = await JoinAsync(system, tenant.TenantId, "Milo Mine");
        await PutAsync(all.Api, new { frequency = "weekly", dayOfWeek = 1, localTime = "08:00", timeZone = "UTC", minBand = "medium", scope = "all" });

        // Two critical engagements, owned by nobody, each missing an SLA: two critical SLA-breach alerts at once.
        var providerId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        var engagements = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var started = DateTime.UtcNow;
        foreach (var (id, i) in engagements.Select((id, i) => (id, i)))
        {
            await RiskEvents.PublishAsync(new EngagementCreated
            {
                TenantId = tenant.TenantId,
                Engagement = RiskEvents.Engagement(id, providerId, criticality: "critical") with { Name = $"Burst {i + 1}" },
            });
            var slaId = Guid.NewGuid();
            await RiskEvents.PublishAsync(new SlaDefined { TenantId = tenant.TenantId, Sla = RiskEvents.Sla(slaId, id, "Uptime") });
            await RiskEvents.PublishAsync(RiskEvents.Results(tenant.TenantId, id, slaId, 30, 1));
        }

        var email = await MailDev.WaitForEmailAsync(all.Email, "critical", MailWait);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var critical = (await AlertsAsync(admin)).Where(a => a.GetProperty("severity").GetString() == "critical").ToList();
        Assert.Equal(2, critical.Count(a => a.GetProperty("kind").GetString() == "sla-breach"));
        foreach (var alert in critical)
        {
            Assert.Contains($"http://portal.test/alerts/{alert.GetProperty("id").GetGuid()}", email.Html!, StringComparison.Ordinal);
        }

        Assert.Contains("Burst 1", email.Text!, StringComparison.Ordinal);
        Assert.Contains("Burst 2", email.Text!, StringComparison.Ordinal);

        // One e-mail for the burst; the manager whose scope is "mine" owns neither engagement and gets none.
        await Task.Delay(Settle);
        Assert.Single(await MailDev.EmailsToAsync(all.Email), e => e.Subject.Contains("critical", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await MailDev.EmailsToAsync(mine.Email));
    }

    [Fact]
    public async Task A_digest_never_holds_another_tenants_data_and_the_digest_endpoints_show_only_ones_own_tenant()
    {
        var a = await SeedTenantAsync("Digest Tenant Alpha", "Alpha Only Engagement");
        var b = await SeedTenantAsync("Digest Tenant Beta", "Beta Only Engagement");
        await MakeAllDueAsync(a.Tenant.TenantId);
        await MakeAllDueAsync(b.Tenant.TenantId);

        foreach (var (me, other) in new[] { (a, b), (b, a) })
        {
            var email = await MailDev.WaitForEmailAsync(me.Manager.Email, "risk digest", MailWait);
            Assert.Contains(me.EngagementName, email.Text!, StringComparison.Ordinal);
            Assert.DoesNotContain(other.EngagementName, email.Text!, StringComparison.Ordinal);
            Assert.DoesNotContain(other.EngagementName, email.Html!, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Tenant.TenantId.ToString(), email.Html!, StringComparison.Ordinal);

            using var admin = Client(me.Tenant.AccessToken);
            var subscriptions = (await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/subscriptions")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal([me.Manager.Email], subscriptions.Select(s => s.GetProperty("email").GetString()));
            var deliveries = (await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/deliveries")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal([me.Manager.Email], deliveries.Select(s => s.GetProperty("recipient").GetString()));
        }
    }

    [Fact]
    public async Task After_a_digest_the_next_one_is_due_on_its_weekday_at_its_local_time_in_the_subscribers_zone()
    {
        var tenant = await system.NewTenantAsync("Digest Zones Inc");
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var berlin = await JoinAsync(system, tenant.TenantId, "Bea Berlin");
        var manila = await JoinAsync(system, tenant.TenantId, "Manny Manila");
        await PutAsync(berlin.Api, new { frequency = "weekly", dayOfWeek = 3, localTime = "08:00", timeZone = "Europe/Berlin", minBand = "low", scope = "all", sendEmpty = true });
        await PutAsync(manila.Api, new { frequency = "daily", localTime = "08:00", timeZone = "Asia/Manila", minBand = "low", scope = "all", sendEmpty = true });
        await MakeAllDueAsync(tenant.TenantId);
        await MailDev.WaitForEmailAsync(berlin.Email, "risk digest", MailWait);
        await MailDev.WaitForEmailAsync(manila.Email, "risk digest", MailWait);

        // The job moved each subscription on by its own rule, read in its own zone.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var nextBerlin = (await berlin.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription")).GetProperty("nextDueAt").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(nextBerlin, zone);
        Assert.Equal((DayOfWeek.Wednesday, 8, 0), (local.DayOfWeek, local.Hour, local.Minute));
        Assert.InRange(nextBerlin - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(7));
        var nextManila = (await manila.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription")).GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime;
        Assert.Equal((0, 0), (nextManila.Hour, nextManila.Minute));
        Assert.InRange(nextManila - DateTime.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));
    }

    private sealed record SeededTenant(SignedUpTenant Tenant, VendorManager Manager, string EngagementName);

    private async Task<SeededTenant> SeedTenantAsync(string company, string engagementName)
    {
        var tenant = await system.NewTenantAsync(company);
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var manager = await JoinAsync(system, tenant.TenantId, $"{company} Manager");
        await PutAsync(manager.Api, new { frequency = "daily", localTime = "08:00", timeZone = "UTC", minBand = "low", scope = "all", sendEmpty = true });
        var providerId = Guid.NewGuid();
        var engagementId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = RiskEvents.Engagement(engagementId, providerId) with { Name = engagementName },
        });
        await WaitForScoresAsync(admin, engagementId, s => s.GetProperty("band").ValueKind == JsonValueKind.String, $"{company}'s scores");
        return new SeededTenant(tenant, manager, engagementName);
    }
}
