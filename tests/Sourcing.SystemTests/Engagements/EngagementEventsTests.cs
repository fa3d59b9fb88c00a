using System.Net;
using System.Net.Http.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>
/// Every write leaves one event in the outbox, with the full state, and the dispatcher sends it
/// once; with RabbitMQ down the writes still succeed and the events go out when it returns. The
/// tenant's HQ comes from its settings events, and a change reclassifies the engagements.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementEventsTests(SystemFixture system)
{
    [Fact]
    public async Task Create_change_and_terminate_each_publish_one_event_with_the_full_state()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var centreId = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre());
        var id = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId));
        var changed = Engagement(providerId, name: "Customer service (EMEA hours)");
        changed["headcount"] = 120;
        using (var put = await PutAsync(t.Api, $"api/engagements/{id}", changed, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var terminate = await t.Api.PostAsJsonAsync($"api/engagements/{id}/terminate", new { terminatedOn = "2026-12-31" }))
        {
            Assert.Equal(HttpStatusCode.OK, terminate.StatusCode);
        }

        // Each sent once.
        await Eventually.WaitAsync(async () => (await OutboxAsync(t.TenantId)).All(r => r.Sent), TimeSpan.FromSeconds(20), "the outbox to be sent");
        var rows = DomainEvents(await OutboxAsync(t.TenantId));
        Assert.Equal(["ProviderRegistered", "CaptiveCentreRegistered", "EngagementCreated", "EngagementChanged", "EngagementTerminated"], rows.Select(r => r.Type));

        var provider = rows[0].Payload.GetProperty("provider");
        Assert.Equal(providerId, provider.GetProperty("id").GetGuid());
        Assert.Equal("Manila Contact BPO Inc", provider.GetProperty("legalName").GetString());
        Assert.Equal("ISO 27001", provider.GetProperty("certifications")[0].GetProperty("name").GetString());

        var centre = rows[1].Payload.GetProperty("captiveCentre");
        Assert.Equal(centreId, centre.GetProperty("id").GetGuid());
        Assert.Equal("captive-centre", centre.GetProperty("kind").GetString());
        Assert.Equal(100m, centre.GetProperty("ownershipPercent").GetDecimal());

        var created = rows[2].Payload.GetProperty("engagement");
        Assert.Equal(id, created.GetProperty("id").GetGuid());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("offshore-bpo-outsourcing", created.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("Asia/Manila", created.GetProperty("deliveryTimeZone").GetString());
        Assert.Equal(1_200_000m, created.GetProperty("contract").GetProperty("annualValue").GetDecimal());
        Assert.Equal("USD", created.GetProperty("contract").GetProperty("currency").GetString());
        Assert.Equal(t.TenantId, rows[2].Payload.GetProperty("tenantId").GetGuid());

        var change = rows[3].Payload;
        Assert.Equal(2, change.GetProperty("engagement").GetProperty("version").GetInt32());
        Assert.Equal(120, change.GetProperty("engagement").GetProperty("headcount").GetInt32());
        Assert.Equal(["name", "headcount"], change.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));

        var terminated = rows[4].Payload.GetProperty("engagement");
        Assert.Equal("terminated", terminated.GetProperty("status").GetString());
        Assert.Equal("2026-12-31", terminated.GetProperty("terminatedOn").GetString());
        Assert.Equal(3, terminated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task When_the_tenants_HQ_changes_its_engagements_are_reclassified_and_announced_only_where_that_changed_something()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider("Mexico City Services SA", "MX"));
        var domestic = Engagement(providerId, name: "Domestic helpdesk", country: "US");
        domestic["deliveryTimeZone"] = "America/Chicago";
        var domesticId = await CreateIdAsync(t.Api, "api/engagements", domestic);
        var mexican = Engagement(providerId, name: "Mexico helpdesk", country: "MX");
        mexican["deliveryTimeZone"] = "America/Mexico_City";
        var mexicanId = await CreateIdAsync(t.Api, "api/engagements", mexican);
        var (before, _) = await GetAsync(t.Api, $"api/engagements/{mexicanId}");
        Assert.Equal("offshore-bpo-outsourcing", before.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("nearshore", before.GetProperty("classification").GetProperty("locationGrade").GetString());

        using var tenants = system.Api(t.Tenant.AccessToken);
        // A new HQ time zone in the same country changes the hours to Mexico (an event for it) but nothing of the domestic one.
        using (var zone = await tenants.PutAsJsonAsync("api/tenant/settings", Settings.Valid(timeZone: "America/Chicago")))
        {
            Assert.Equal(HttpStatusCode.OK, zone.StatusCode);
        }

        await Eventually.WaitAsync(
            async () => (await OutboxAsync(t.TenantId, "EngagementChanged")).Count == 1, TimeSpan.FromSeconds(20), "the Mexican engagement's reclassification");
        Assert.Equal(mexicanId, (await OutboxAsync(t.TenantId, "EngagementChanged"))[0].Payload.GetProperty("engagement").GetProperty("id").GetGuid());

        using (var move = await tenants.PutAsJsonAsync("api/tenant/settings", Settings.Valid(country: "MX", currency: "MXN", timeZone: "America/Mexico_City")))
        {
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        }

        await Eventually.WaitAsync(
            async () => (await OutboxAsync(t.TenantId, "EngagementChanged")).Count == 3, TimeSpan.FromSeconds(20), "both engagements' reclassification");
        var (mx, _) = await GetAsync(t.Api, $"api/engagements/{mexicanId}");
        Assert.Equal("bpo-outsourcing", mx.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("onshore", mx.GetProperty("classification").GetProperty("locationGrade").GetString());
        Assert.Contains("HQ in Mexico", mx.GetProperty("classification").GetProperty("reason").GetString());
        var (us, _) = await GetAsync(t.Api, $"api/engagements/{domesticId}");
        Assert.Equal("offshore-bpo-outsourcing", us.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("nearshore", us.GetProperty("classification").GetProperty("locationGrade").GetString());

        var last = (await OutboxAsync(t.TenantId, "EngagementChanged")).Skip(1).ToList();
        Assert.All(last, r => Assert.Contains("classification", r.Payload.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString())));
        var (trail, _) = await GetAsync(t.Api, $"api/engagements/{domesticId}/audit");
        Assert.Contains(Items(trail), a => a.GetProperty("action").GetString() == "reclassified" && a.GetProperty("changedByName").GetString() == "system");
    }

    /// <summary>The outbox rows other services consume as domain events (each change also writes an AuditRecorded row for the tenant-wide trail).</summary>
    private static List<OutboxRow> DomainEvents(IEnumerable<OutboxRow> rows) => rows.Where(r => r.Type != "AuditRecorded").ToList();
}
