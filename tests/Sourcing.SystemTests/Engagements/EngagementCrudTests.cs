using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Providers, captive centres and engagements through the API: classification, ETags, deletion rules, audit, roles.</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementCrudTests(SystemFixture system)
{
    [Fact]
    public async Task An_engagement_is_classified_with_its_reason_and_its_defaults_are_filled_in()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var created = await CreateAsync(t.Api, "api/engagements", Engagement(providerId));

        var classification = created.GetProperty("classification");
        Assert.Equal("offshore-bpo-outsourcing", classification.GetProperty("kind").GetString());
        Assert.Equal("offshore BPO outsourcing", classification.GetProperty("label").GetString());
        Assert.Equal("offshore", classification.GetProperty("locationGrade").GetString());
        Assert.StartsWith(
            "third-party provider in the Philippines doing the whole customer-service process on a 3-year contract; HQ in the United States",
            classification.GetProperty("reason").GetString());
        Assert.Equal("provider", created.GetProperty("sourceKind").GetString());
        Assert.Equal("Asia/Manila", created.GetProperty("deliveryTimeZone").GetString());
        Assert.Contains("en", created.GetProperty("deliveryLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        var (read, etag) = await GetAsync(t.Api, $"api/engagements/{created.GetProperty("id").GetGuid()}");
        Assert.Equal("\"1\"", etag);
        Assert.Equal("Customer service", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_country_with_several_offsets_needs_a_time_zone_and_one_of_its_own()
    {
        using var t = await NewTenantAsync(system, country: "GB", currency: "GBP", timeZone: "Europe/London");
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider("Monterrey Logistics SA", "MX"));
        var body = Engagement(providerId, country: "MX");
        using (var missing = await t.Api.PostAsJsonAsync("api/engagements", body))
        {
            await Problems.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "deliveryTimeZone");
        }

        body["deliveryTimeZone"] = "Asia/Manila";
        using (var foreign = await t.Api.PostAsJsonAsync("api/engagements", body))
        {
            await Problems.AssertProblemAsync(foreign, HttpStatusCode.BadRequest, "deliveryTimeZone");
        }

        body["deliveryTimeZone"] = "America/Monterrey";
        body["businessProcess"] = "logistics";
        var created = await CreateAsync(t.Api, "api/engagements", body);
        Assert.Equal("offshore-production-outsourcing", created.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Contains("es", created.GetProperty("deliveryLanguages").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_captive_centre_over_half_owned_is_one_and_a_shared_one_is_a_partnership_and_a_change_reclassifies_its_engagements()
    {
        using var t = await NewTenantAsync(system);
        var captive = await CreateAsync(t.Api, "api/captive-centres", CaptiveCentre());
        Assert.Equal("captive-centre", captive.GetProperty("kind").GetString());
        var partnership = await CreateAsync(t.Api, "api/captive-centres", CaptiveCentre("Pune JV Pvt Ltd", "IN", 60m, sharedControl: true));
        Assert.Equal("partnership", partnership.GetProperty("kind").GetString());

        var centreId = captive.GetProperty("id").GetGuid();
        var body = Engagement(captiveCentreId: centreId, name: "Finance shared services", country: "PL");
        body["deliverySite"] = "Kraków";
        var engagement = await CreateAsync(t.Api, "api/engagements", body);
        Assert.Equal("offshoring-captive-centre", engagement.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("offshore", engagement.GetProperty("classification").GetProperty("locationGrade").GetString());

        // Selling down to 50 % makes it a partnership, and its engagement follows.
        var (_, etag) = await GetAsync(t.Api, $"api/captive-centres/{centreId}");
        using (var sold = await PutAsync(t.Api, $"api/captive-centres/{centreId}", CaptiveCentre(share: 50m), etag))
        {
            Assert.Equal(HttpStatusCode.OK, sold.StatusCode);
            Assert.Equal("partnership", (await sold.JsonAsync()).GetProperty("kind").GetString());
        }

        var (after, _) = await GetAsync(t.Api, $"api/engagements/{engagement.GetProperty("id").GetGuid()}");
        Assert.Equal("partnership", after.GetProperty("sourceKind").GetString());
        Assert.Equal("offshoring-partnership", after.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal(2, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Two_updates_with_the_same_ETag_one_wins_and_the_other_gets_412_and_changes_nothing()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var id = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId));
        var (_, etag) = await GetAsync(t.Api, $"api/engagements/{id}");

        var first = Engagement(providerId, name: "First writer");
        var second = Engagement(providerId, name: "Second writer");
        var responses = await Task.WhenAll(PutAsync(t.Api, $"api/engagements/{id}", first, etag), PutAsync(t.Api, $"api/engagements/{id}", second, etag));
        var statuses = responses.Select(r => r.StatusCode).OrderBy(s => (int)s).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var winnerName = (await winner.JsonAsync()).GetProperty("name").GetString();
        await Problems.AssertProblemAsync(responses.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.PreconditionFailed);

        var (read, current) = await GetAsync(t.Api, $"api/engagements/{id}");
        Assert.Equal(winnerName, read.GetProperty("name").GetString());
        Assert.Equal("\"2\"", current);
        Assert.Single(await OutboxAsync(t.TenantId, "EngagementChanged"));

        // A stale ETag later is refused the same way.
        using var stale = await PutAsync(t.Api, $"api/engagements/{id}", Engagement(providerId, name: "Late"), etag);
        await Problems.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task A_provider_with_active_engagements_cannot_be_deleted_until_they_are_terminated()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var id = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId, name: "Helpdesk Manila"));

        using (var refused = await t.Api.DeleteAsync($"api/providers/{providerId}"))
        {
            var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("Helpdesk Manila", problem.GetProperty("detail").GetString());
        }

        using (var terminated = await t.Api.PostAsJsonAsync($"api/engagements/{id}/terminate", new { terminatedOn = "2026-11-30" }))
        {
            Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
            var body = await terminated.JsonAsync();
            Assert.Equal("terminated", body.GetProperty("status").GetString());
            Assert.Equal("2026-11-30", body.GetProperty("terminatedOn").GetString());
        }

        using (var deleted = await t.Api.DeleteAsync($"api/providers/{providerId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await t.Api.GetAsync($"api/providers/{providerId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // The terminated engagement still names its provider.
        var (engagement, _) = await GetAsync(t.Api, $"api/engagements/{id}");
        Assert.Equal(providerId, engagement.GetProperty("providerId").GetGuid());
        Assert.Single(await OutboxAsync(t.TenantId, "ProviderDeleted"));
    }

    [Fact]
    public async Task The_audit_trail_says_who_changed_which_field_from_what_to_what()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var id = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId));
        var body = Engagement(providerId);
        body["headcount"] = 95;
        body["criticality"] = "critical";
        using (var put = await PutAsync(t.Api, $"api/engagements/{id}", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (trail, _) = await GetAsync(t.Api, $"api/engagements/{id}/audit");
        var changes = Items(trail).Where(a => a.GetProperty("action").GetString() == "changed").ToList();
        Assert.True(2 == changes.Count, string.Join(", ", changes.Select(c => $"{c.GetProperty("field")}: {c.GetProperty("oldValue")} -> {c.GetProperty("newValue")}")));
        var headcount = changes.Single(a => a.GetProperty("field").GetString() == "headcount");
        Assert.Equal("80", headcount.GetProperty("oldValue").GetString());
        Assert.Equal("95", headcount.GetProperty("newValue").GetString());
        Assert.Equal(t.Tenant.AdminUserId.ToString(), headcount.GetProperty("changedBy").GetString());
        Assert.Equal("Ada Admin", headcount.GetProperty("changedByName").GetString());
        Assert.Contains(Items(trail), a => a.GetProperty("action").GetString() == "created" && a.ValueKind == JsonValueKind.Object);

        var provider = Provider();
        provider["legalName"] = "Manila Contact BPO Holdings Inc";
        using (var put = await PutAsync(t.Api, $"api/providers/{providerId}", provider))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (providerTrail, _) = await GetAsync(t.Api, $"api/providers/{providerId}/audit");
        var rename = Items(providerTrail).First();
        Assert.Equal("legalName", rename.GetProperty("field").GetString());
        Assert.Equal("Manila Contact BPO Inc", rename.GetProperty("oldValue").GetString());
    }

    [Fact]
    public async Task Viewers_read_and_cannot_write_vendor_managers_and_admins_write()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var key = TokenForge.DevelopmentSigningKey(system.KeysDirectory);
        using var viewer = ApiWithToken(system, TokenForge.Create(key, system.Identity, "engagements", t.TenantId, "viewer", DateTime.UtcNow.AddMinutes(5)));
        using var manager = ApiWithToken(system, TokenForge.Create(key, system.Identity, "engagements", t.TenantId, "vendor-manager", DateTime.UtcNow.AddMinutes(5)));

        using (var read = await viewer.GetAsync("api/providers"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var write = await viewer.PostAsJsonAsync("api/providers", Provider("Viewer Was Here Ltd")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        using (var write = await viewer.PostAsJsonAsync("api/engagements", Engagement(providerId)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        using (var delete = await viewer.DeleteAsync($"api/providers/{providerId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }

        Assert.Equal(1L, await CountAsync("providers", t.TenantId));
        await CreateIdAsync(manager, "api/engagements", Engagement(providerId));
        Assert.Equal(1L, await CountAsync("engagements", t.TenantId));
    }
}
