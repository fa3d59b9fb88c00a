using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sourcing.Contracts;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.DigestSetup;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>Issue 16: the scheduled risk digests, through the real job, outbox, dispatcher and SMTP sink.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class DigestTests(SystemFixture system)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_vendor_manager_has_the_default_subscription_and_bad_input_is_refused_naming_the_field()
    {
        var tenant = await system.NewTenantAsync("Digest Defaults Inc", timeZone: "Europe/Berlin");
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var vm = await JoinAsync(system, tenant.TenantId, "Vera Manager");

        var own = await vm.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription");
        Assert.Equal("weekly", own.GetProperty("frequency").GetString());
        Assert.Equal(1, own.GetProperty("dayOfWeek").GetInt32());
        Assert.Equal("08:00", own.GetProperty("localTime").GetString());
        Assert.Equal("Europe/Berlin", own.GetProperty("timeZone").GetString());
        Assert.Equal("mine", own.GetProperty("scope").GetString());
        Assert.Equal("medium", own.GetProperty("minBand").GetString());
        var next = own.GetProperty("nextDueAt").GetDateTimeOffset();
        Assert.Equal(DayOfWeek.Monday, next.ToOffset(TimeSpan.FromHours(next.UtcDateTime.Month is >= 4 and <= 10 ? 2 : 1)).DayOfWeek);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { frequency = "daily", localTime = "08:00", timeZone = "Mars/Olympus", minBand = "medium", scope = "mine" }, "timeZone"),
            (new { frequency = "daily", localTime = "24:00", timeZone = "UTC", minBand = "medium", scope = "mine" }, "localTime"),
            (new { frequency = "daily", localTime = "08:00", timeZone = "UTC", minBand = "severe", scope = "mine" }, "minBand"),
            (new { frequency = "hourly", localTime = "08:00", timeZone = "UTC", minBand = "low", scope = "mine" }, "frequency"),
            (new { frequency = "weekly", dayOfWeek = 8, localTime = "08:00", timeZone = "UTC", minBand = "low", scope = "mine" }, "dayOfWeek"),
            (new { frequency = "daily", localTime = "08:00", timeZone = "UTC", minBand = "low", scope = "theirs" }, "scope"),
        })
        {
            using var response = await vm.Api.PutAsJsonAsync("api/risk/digests/subscription", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        Assert.Equal("08:00", (await vm.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription")).GetProperty("localTime").GetString());

        // Asia/Manila is UTC+8 all year: its 08:00 digest is due at 00:00 UTC.
        var manila = await PutAsync(vm.Api, new { frequency = "daily", localTime = "08:00", timeZone = "Asia/Manila", minBand = "high", scope = "all" });
        var due = manila.GetProperty("nextDueAt").GetDateTimeOffset().UtcDateTime;
        Assert.Equal((0, 0), (due.Hour, due.Minute));
        Assert.InRange(due - DateTime.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));

        // The admin sees who receives what; a vendor manager may not.
        var list = await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/subscriptions");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(vm.Email, row.GetProperty("email").GetString());
        Assert.Equal("Asia/Manila", row.GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await vm.Api.GetAsync("api/risk/digests/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task A_digest_holds_exactly_its_period_and_scope_links_to_the_portal_and_unsubscribes_once()
    {
        var tenant = await system.NewTenantAsync("Digest Content Inc");
        using var admin = Client(tenant.AccessToken);
        await WaitForTenantAsync(admin);
        var mine = await JoinAsync(system, tenant.TenantId, "Mina Mine");
        var other = await JoinAsync(system, tenant.TenantId, "Otto Other");

        var providerId = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        var (breaching, ending, othersId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var slaId = Guid.NewGuid();
        var otherSla = Guid.NewGuid();
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = RiskEvents.Engagement(breaching, providerId, criticality: "critical") with { Name = "Mine Breaching", OwnerUserId = mine.UserId },
        });
        var endingState = RiskEvents.Engagement(ending, providerId) with { Name = "Mine Ending", OwnerUserId = mine.UserId };
        endingState = endingState with { Contract = endingState.Contract! with { End = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20) } };
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = endingState });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = RiskEvents.Engagement(othersId, providerId, criticality: "critical") with { Name = "Others Breaching", OwnerUserId = other.UserId },
        });
        await RiskEvents.PublishAsync(new SlaDefined { TenantId = tenant.TenantId, Sla = RiskEvents.Sla(slaId, breaching, "Answer rate") });
        await RiskEvents.PublishAsync(RiskEvents.Results(tenant.TenantId, breaching, slaId, 60, 1));
        await RiskEvents.PublishAsync(new SlaDefined { TenantId = tenant.TenantId, Sla = RiskEvents.Sla(otherSla, othersId, "Other metric") });
        await RiskEvents.PublishAsync(RiskEvents.Results(tenant.TenantId, othersId, otherSla, 60, 1));
        foreach (var id in new[] { breaching, ending, othersId })
        {
            await WaitForScoresAsync(admin, id, s => s.GetProperty("band").ValueKind == JsonValueKind.String, "scores");
        }

        await WaitForScoresAsync(admin, breaching, s => s.GetProperty("quality").ValueKind == JsonValueKind.Number, "the quality score");
        await PutAsync(mine.Api, new { frequency = "daily", localTime = "08:00", timeZone = "UTC", minBand = "low", scope = "mine" });
        await MakeDueAsync(tenant.TenantId, mine.UserId, periodDays: 3);

        var email = await MailDev.WaitForEmailAsync(mine.Email, "risk digest", MailWait);
        var text = email.Text!;
        Assert.Contains("Digest Content Inc risk digest", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Mine Breaching", text, StringComparison.Ordinal);
        Assert.Contains("Mine Ending", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Others Breaching", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Other metric", text, StringComparison.Ordinal);
        Assert.DoesNotContain(othersId.ToString(), email.Html!, StringComparison.Ordinal);

        // The preview shows the next digest as it would go now (the chart inline), in the subscriber's scope, and sends nothing.
        var preview = await mine.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription/preview");
        Assert.Contains("Digest Content Inc risk digest", preview.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cid:", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Others Breaching", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        var othersPreview = await other.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription/preview");
        Assert.DoesNotContain("Mine Breaching", othersPreview.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The three days of the period (the last three, ending before today) each missed "Answer rate".
        Assert.Contains("SLA BREACHES (3)", text, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(text, "Mine Breaching: Answer rate was 60"));
        // The contract ends in 20 days (announced 30 days ahead); its notice window opened 70 days ago, before the period.
        Assert.Contains("CONTRACTS (1)", text, StringComparison.Ordinal);
        Assert.Contains($"Mine Ending: ends on {DateTime.UtcNow.AddDays(20):d MMM yyyy}", text, StringComparison.Ordinal);
        // Both engagements got their first band in the period.
        Assert.Contains("SCORES THAT CHANGED BAND (2)", text, StringComparison.Ordinal);

        // Exactly the alerts of the period and scope: those of the two engagements and the tenant-wide ones, raised before the period's end.
        var delivery = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("api/risk/digests/deliveries")).GetProperty("items").EnumerateArray());
        Assert.Equal(mine.Email, delivery.GetProperty("recipient").GetString());
        var periodEnd = delivery.GetProperty("periodEnd").GetDateTimeOffset();
        var expected = (await AlertsAsync(admin))
            .Where(a => a.GetProperty("raisedAt").GetDateTimeOffset() < periodEnd)
            .Where(a => a.GetProperty("engagementId").ValueKind == JsonValueKind.Null
                || a.GetProperty("engagementId").GetGuid() == breaching || a.GetProperty("engagementId").GetGuid() == ending)
            .Select(a => a.GetProperty("id").GetGuid()).OrderBy(g => g).ToList();
        var linked = AlertLink().Matches(text).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().OrderBy(g => g).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, linked);

        // Every link points at the portal, but the unsubscribe link at the risk service.
        var links = Regex.Matches(email.Html!, "href=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.All(links, l => Assert.True(l.StartsWith("http://portal.test/", StringComparison.Ordinal) || l.Contains("/api/risk/digests/unsubscribe?token=", StringComparison.Ordinal), l));
        Assert.Contains(links, l => l == $"http://portal.test/engagements/{breaching}");

        // The trend chart is an inline PNG referred to by cid; the unsubscribe headers are there.
        var raw = Assert.Single(await RawEmailsToAsync(mine.Email), e => e.GetProperty("subject").GetString()!.Contains("risk digest", StringComparison.Ordinal));
        var attachment = Assert.Single(raw.GetProperty("attachments").EnumerateArray());
        Assert.Equal("risk-trend", attachment.GetProperty("contentId").GetString());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        var mime = await RawSourceAsync(raw.GetProperty("id").GetString()!);
        Assert.Contains("/api/risk/digests/unsubscribe?token=", mime.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);

        var unsubscribe = MailDevClient.FindLink(email, "/api/risk/digests/unsubscribe");
        using var anonymous = new HttpClient();
        var tampered = unsubscribe.ToString()[..^3] + (unsubscribe.ToString()[^3] == 'A' ? "B" : "A") + unsubscribe.ToString()[^2..];
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(unsubscribe)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        var after = await mine.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription");
        Assert.Equal(JsonValueKind.String, after.GetProperty("unsubscribedAt").ValueKind);

        // The other manager's subscription was not touched by any of it.
        var others = await other.Api.GetFromJsonAsync<JsonElement>("api/risk/digests/subscription");
        Assert.Equal(JsonValueKind.Null, others.GetProperty("unsubscribedAt").ValueKind);
    }

    [GeneratedRegex("http://portal\\.test/alerts/([0-9a-f-]{36})")]
    private static partial Regex AlertLink();
}
