using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;
using static Sourcing.Testing.LocalDate;

namespace Sourcing.SystemTests.Risk;

/// <summary>Alerts given to someone with a due date, listed by assignee and overdue, and acted on in bulk; both ways between two tenants.</summary>
[Collection(SystemCollection.Name)]
public sealed class AlertAssignmentTests(SystemFixture system)
{
    private sealed record Seeded(SignedUpTenant Tenant, HttpClient Api, Guid[] AlertIds);

    /// <summary>A tenant with <paramref name="engagements"/> engagements that have no SLA, so each raises one "not monitored" alert.</summary>
    private async Task<Seeded> SeedAsync(string company, int engagements, string timeZone = "America/New_York")
    {
        var tenant = await system.NewTenantAsync(company, timeZone: timeZone);
        var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        for (var i = 0; i < engagements; i++)
        {
            await RiskEvents.SeedEngagementAsync(tenant.TenantId, withSla: false);
        }

        var alerts = await Eventually.WaitAsync(
            async () => await AlertsAsync(api, "&kind=policy-not-monitored") is { } list && list.Count == engagements ? list : null, Wait, $"{company}'s alerts");
        return new Seeded(tenant, api, [.. alerts.Select(a => a.GetProperty("id").GetGuid())]);
    }

    /// <summary>Invites someone with a role, waits until the risk service knows them, and answers their user id and an API client with their token.</summary>
    private async Task<(Guid UserId, HttpClient Api)> JoinAsync(Seeded seeded, string who, string role)
    {
        var email = SystemFixture.UniqueEmail(who);
        var joined = await system.Client.InviteAndJoinAsync(seeded.Tenant.AccessToken, email, who, role, SystemFixture.StrongPassword);
        using var tenants = system.Api(seeded.Tenant.AccessToken);
        var members = await tenants.GetFromJsonAsync<JsonElement>("api/members?pageSize=100");
        var userId = members.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("email").GetString() == email).GetProperty("userId").GetGuid();
        // The risk service's copy of the member arrives by event; until then it refuses them as an assignee.
        await Eventually.WaitAsync(
            async () => await SystemFixture.CountAsTenantAsync("sourcing_risk", seeded.Tenant.TenantId, "SELECT count(*) FROM members WHERE user_id = @u", ("u", userId)) == 1,
            Wait, $"the risk service's copy of {who}");
        return (userId, Client(joined.AccessToken));
    }

    /// <summary>Today in the tenants' time zone (SystemFixture signs them up in America/New_York).</summary>
    private static DateOnly TodayInNewYork() => TodayIn("America/New_York");

    /// <summary>Sets an alert's due date in the database as the service's role would, under row-level security (the API refuses a past date).</summary>
    private static async Task<int> SetDueOnAsync(Guid tenantId, Guid alertId, DateOnly dueOn)
    {
        await using var connection = await SystemFixture.OpenAsync("sourcing_risk");
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new Npgsql.NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", connection))
        {
            set.Parameters.AddWithValue("t", tenantId.ToString());
            await set.ExecuteScalarAsync();
        }

        await using var update = new Npgsql.NpgsqlCommand("UPDATE alerts SET due_on = @d WHERE id = @id", connection);
        update.Parameters.AddWithValue("d", dueOn);
        update.Parameters.AddWithValue("id", alertId);
        var rows = await update.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    private static async Task<JsonElement> AlertAsync(HttpClient api, Guid id) => await api.GetFromJsonAsync<JsonElement>($"api/risk/alerts/{id}");

    private static Guid? Assignee(JsonElement alert) =>
        alert.GetProperty("assigneeUserId").ValueKind == JsonValueKind.Null ? null : alert.GetProperty("assigneeUserId").GetGuid();

    private static HashSet<Guid> Ids(IEnumerable<JsonElement> alerts) => [.. alerts.Select(a => a.GetProperty("id").GetGuid())];

    [Fact]
    public async Task An_alert_assigned_to_a_vendor_manager_with_a_due_date_is_listed_by_assignee_and_overdue_audited_and_unassigned_when_they_leave()
    {
        var a = await SeedAsync("Assign Alpha", engagements: 2);
        var (managerId, managerApi) = await JoinAsync(a, "marta", "vendor-manager");
        var (viewerId, _) = await JoinAsync(a, "victor", "viewer");
        var (assigned, other) = (a.AlertIds[0], a.AlertIds[1]);
        var due = TodayInNewYork().AddDays(3);

        // Who it can go to: the admin and the vendor manager, not the viewer.
        var assignees = await a.Api.GetFromJsonAsync<JsonElement>("api/risk/alerts/assignees");
        Assert.Equal(
            new HashSet<Guid> { a.Tenant.AdminUserId, managerId },
            assignees.EnumerateArray().Select(x => x.GetProperty("userId").GetGuid()).ToHashSet());

        using (var response = await a.Api.PutAsJsonAsync($"api/risk/alerts/{assigned}/assignment", new { assigneeUserId = managerId, dueOn = due }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(managerId, Assignee(body));
            Assert.Equal("marta", body.GetProperty("assigneeName").GetString());
            Assert.Equal(due.ToString("yyyy-MM-dd"), body.GetProperty("dueOn").GetString());
            Assert.False(body.GetProperty("overdue").GetBoolean());
        }

        // Listed by assignee: the manager's "mine", a member's id, and "none" for the rest.
        Assert.Equal([assigned], Ids(await AlertsAsync(managerApi, "&assignee=me")));
        Assert.Equal([assigned], Ids(await AlertsAsync(a.Api, $"&assignee={managerId}")));
        Assert.Equal([other], Ids(await AlertsAsync(a.Api, "&assignee=none&kind=policy-not-monitored")));
        Assert.Empty(await AlertsAsync(a.Api, "&assignee=me"));
        Assert.Empty(await AlertsAsync(a.Api, "&overdue=true"));

        // A due date that has passed makes it overdue (set in the database: the API refuses a past date).
        Assert.Equal(1, await SetDueOnAsync(a.Tenant.TenantId, assigned, TodayInNewYork().AddDays(-1)));
        Assert.True((await AlertAsync(a.Api, assigned)).GetProperty("overdue").GetBoolean());
        Assert.Equal([assigned], Ids(await AlertsAsync(a.Api, "&overdue=true")));
        Assert.Equal([other], Ids(await AlertsAsync(a.Api, "&overdue=false&kind=policy-not-monitored")));

        // Bad input: 400 naming the field, and the assignment stays as it was.
        await Problems.AssertProblemAsync(
            await a.Api.PutAsJsonAsync($"api/risk/alerts/{other}/assignment", new { assigneeUserId = managerId, dueOn = TodayInNewYork().AddDays(-1) }),
            HttpStatusCode.BadRequest, "dueOn");
        await Problems.AssertProblemAsync(
            await a.Api.PutAsJsonAsync($"api/risk/alerts/{other}/assignment", new { assigneeUserId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "assigneeUserId");
        await Problems.AssertProblemAsync(
            await a.Api.PutAsJsonAsync($"api/risk/alerts/{other}/assignment", new { assigneeUserId = viewerId }), HttpStatusCode.BadRequest, "assigneeUserId");
        await Problems.AssertProblemAsync(
            await a.Api.PutAsync($"api/risk/alerts/{other}/assignment", new StringContent("""{"dueOn":"2026-02-30"}""", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "dueOn");
        await Problems.AssertProblemAsync(await a.Api.GetAsync("api/risk/alerts?assignee=marta"), HttpStatusCode.BadRequest, "assignee");
        Assert.Null(Assignee(await AlertAsync(a.Api, other)));

        // Audited: who assigned it to whom.
        using var tenants = system.Api(a.Tenant.AccessToken);
        var entries = await Eventually.WaitAsync(
            async () => (await tenants.GetFromJsonAsync<JsonElement>($"api/audit?service=risk&subjectId={assigned}")).GetProperty("items").EnumerateArray()
                .Where(e => e.GetProperty("action").GetString() == "assigned").ToList() is { Count: > 0 } list ? list : null,
            Wait, "the assignment's audit entry");
        Assert.Contains(entries.Single().GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "assignee"
            && c.GetProperty("newValue").GetString()!.StartsWith("marta-", StringComparison.Ordinal));

        // Resolved alerts cannot be assigned.
        Assert.Equal(HttpStatusCode.OK, (await a.Api.PostAsJsonAsync($"api/risk/alerts/{other}/resolve", new { comment = "Done." })).StatusCode);
        await Problems.AssertProblemAsync(
            await a.Api.PutAsJsonAsync($"api/risk/alerts/{other}/assignment", new { assigneeUserId = managerId }), HttpStatusCode.Conflict);

        // The manager leaves the company: their alert waits for no one, and keeps its due date.
        Assert.Equal(HttpStatusCode.NoContent, (await tenants.DeleteAsync($"api/members/{managerId}")).StatusCode);
        await Eventually.WaitAsync(async () => Assignee(await AlertAsync(a.Api, assigned)) is null, Wait, "the alert to be unassigned");
        var left = await AlertAsync(a.Api, assigned);
        Assert.Equal(TodayInNewYork().AddDays(-1).ToString("yyyy-MM-dd"), left.GetProperty("dueOn").GetString());
    }

    /// <summary>
    /// Kiritimati is 14 hours ahead of UTC and Pago Pago 11 behind: at every hour of the day at least one of them is
    /// on another date than UTC, so a service that took UTC's today for the company's fails here whenever the test runs.
    /// </summary>
    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    public async Task A_due_date_is_checked_against_today_in_the_companys_time_zone(string zone)
    {
        var a = await SeedAsync($"Zone {zone}", engagements: 1, timeZone: zone);
        var alert = a.AlertIds[0];

        var today = TodayIn(zone);
        var refused = await a.Api.PutAsJsonAsync($"api/risk/alerts/{alert}/assignment", new { assigneeUserId = a.Tenant.AdminUserId, dueOn = today.AddDays(-1) });
        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "dueOn");
        var message = problem.GetProperty("errors").GetProperty("dueOn")[0].GetString();
        // The date may turn over between the two clocks; the message names the company's today, before or after.
        Assert.Contains(message, new[] { today, TodayIn(zone) }.Select(d => $"must be today ({d:yyyy-MM-dd}) or later."));

        using var accepted = await a.Api.PutAsJsonAsync($"api/risk/alerts/{alert}/assignment", new { assigneeUserId = a.Tenant.AdminUserId, dueOn = TodayIn(zone) });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_bulk_action_changes_the_alerts_it_applies_to_reports_the_rest_and_refuses_unknown_ids_without_changing_any()
    {
        var a = await SeedAsync("Bulk Alpha", engagements: 3);
        var ids = a.AlertIds;
        Assert.Equal(HttpStatusCode.OK, (await a.Api.PostAsJsonAsync($"api/risk/alerts/{ids[0]}/acknowledge", new { comment = "On it." })).StatusCode);

        // Acknowledge all three: two change, the one already acknowledged is reported with the reason.
        using (var response = await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "acknowledge", comment = "Weekly review." }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(ids[1..].ToHashSet(), Ids(body.GetProperty("changed").EnumerateArray()));
            Assert.All(body.GetProperty("changed").EnumerateArray(), x => Assert.Equal("Weekly review.", x.GetProperty("comment").GetString()));
            var skipped = Assert.Single(body.GetProperty("skipped").EnumerateArray());
            Assert.Equal(ids[0], skipped.GetProperty("id").GetGuid());
            Assert.Contains("acknowledged", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("On it.", (await AlertAsync(a.Api, ids[0])).GetProperty("comment").GetString());

        // Assign all three to the admin, due in a week.
        var due = TodayInNewYork().AddDays(7);
        using (var response = await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "assign", assigneeUserId = a.Tenant.AdminUserId, dueOn = due }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetArrayLength());
        }

        Assert.Equal(ids.ToHashSet(), Ids(await AlertsAsync(a.Api, "&assignee=me")));

        // Unknown ids (and another tenant's, which look the same) are refused, naming the field; nothing changes.
        var b = await SeedAsync("Bulk Beta", engagements: 1);
        foreach (var stranger in new[] { Guid.NewGuid(), b.AlertIds[0] })
        {
            await Problems.AssertProblemAsync(
                await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = new[] { ids[1], stranger }, action = "resolve" }),
                HttpStatusCode.BadRequest, "alertIds");
            await Problems.AssertProblemAsync(
                await b.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = new[] { ids[1] }, action = "resolve" }), HttpStatusCode.BadRequest, "alertIds");
        }

        Assert.Equal("acknowledged", (await AlertAsync(a.Api, ids[1])).GetProperty("status").GetString());
        Assert.Equal("open", (await AlertAsync(b.Api, b.AlertIds[0])).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PutAsJsonAsync($"api/risk/alerts/{ids[1]}/assignment", new { dueOn = due })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync($"api/risk/alerts/{ids[1]}")).StatusCode);
        Assert.Equal(a.Tenant.AdminUserId, Assignee(await AlertAsync(a.Api, ids[1])));
        Assert.DoesNotContain(
            (await b.Api.GetFromJsonAsync<JsonElement>("api/risk/alerts/assignees")).EnumerateArray(),
            x => x.GetProperty("userId").GetGuid() == a.Tenant.AdminUserId);
        // Tenant B cannot assign its alert to tenant A's admin either: not a member of B.
        await Problems.AssertProblemAsync(
            await b.Api.PutAsJsonAsync($"api/risk/alerts/{b.AlertIds[0]}/assignment", new { assigneeUserId = a.Tenant.AdminUserId }),
            HttpStatusCode.BadRequest, "assigneeUserId");

        // Bad requests name the field.
        await Problems.AssertProblemAsync(await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "acknowledge" }), HttpStatusCode.BadRequest, "comment");
        await Problems.AssertProblemAsync(await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "delete" }), HttpStatusCode.BadRequest, "action");
        await Problems.AssertProblemAsync(await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = Array.Empty<Guid>(), action = "resolve" }), HttpStatusCode.BadRequest, "alertIds");
        await Problems.AssertProblemAsync(
            await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = new[] { ids[0], ids[0] }, action = "resolve" }), HttpStatusCode.BadRequest, "alertIds");
        await Problems.AssertProblemAsync(
            await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "resolve", dueOn = due }), HttpStatusCode.BadRequest, "dueOn");

        // A viewer may look but not act.
        var (_, viewerApi) = await JoinAsync(a, "vera", "viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "resolve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PutAsJsonAsync($"api/risk/alerts/{ids[0]}/assignment", new { dueOn = due })).StatusCode);

        // Resolve all three: each resolved once, each announced once.
        using (var response = await a.Api.PostAsJsonAsync("api/risk/alerts/bulk", new { alertIds = ids, action = "resolve" }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetArrayLength());
        }

        foreach (var id in ids)
        {
            Assert.Equal("resolved", (await AlertAsync(a.Api, id)).GetProperty("status").GetString());
            Assert.Equal(1L, await OutboxCountAsync("RiskAlertResolved", "alertId", id.ToString()));
        }

        Assert.Empty(await AlertsAsync(a.Api, "&overdue=true"));
    }
}
