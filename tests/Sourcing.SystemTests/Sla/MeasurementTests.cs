using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Sla;

[Collection(SystemCollection.Name)]
public sealed class MeasurementTests(SystemFixture system)
{
    private static readonly DateOnly June = new(2026, 6, 1);

    [Fact]
    public async Task A_single_measurement_is_recorded_replaced_when_different_and_ignored_when_the_same_and_its_breach_is_listed()
    {
        var tenant = await system.NewTenantAsync();
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), new DateOnly(2026, 1, 1)));
        using var api = system.Sla(tenant.AccessToken);
        var slaId = await api.DefineAsync(engagementId, "Mean time to resolve", 4m, "at-most", "weekly", 5m);

        // Any day of the ISO week names the week (Wednesday 3 June: the week of Monday 1 June).
        var first = await Record(api, slaId, "2026-06-03", 5m);
        Assert.Equal((1L, 0L, 0L, 1L), (first.GetProperty("recorded").GetInt64(), first.GetProperty("replaced").GetInt64(), first.GetProperty("unchanged").GetInt64(), first.GetProperty("breaches").GetInt64()));
        var same = await Record(api, slaId, "2026-06-07", 5.0m);
        Assert.Equal((0L, 0L, 1L, 0L), (same.GetProperty("recorded").GetInt64(), same.GetProperty("replaced").GetInt64(), same.GetProperty("unchanged").GetInt64(), same.GetProperty("breaches").GetInt64()));

        var breaches = await api.GetFromJsonAsync<JsonElement>($"api/engagements/{engagementId}/breaches");
        var breach = Assert.Single(breaches.GetProperty("items").EnumerateArray());
        Assert.Equal("2026-06-01", breach.GetProperty("periodStart").GetString());
        Assert.Equal("2026-06-07", breach.GetProperty("periodEnd").GetString());
        Assert.Equal(1m, breach.GetProperty("shortfall").GetDecimal());
        Assert.Equal("Mean time to resolve", breach.GetProperty("metric").GetString());

        // Equality with the target meets it: the replacement ends the breach.
        var replaced = await Record(api, slaId, "2026-06-01", 4m);
        Assert.Equal(1L, replaced.GetProperty("replaced").GetInt64());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"api/breaches")).GetProperty("items").EnumerateArray());
        var measurements = await api.GetFromJsonAsync<JsonElement>($"api/slas/{slaId}/measurements");
        var only = Assert.Single(measurements.GetProperty("items").EnumerateArray());
        Assert.Equal(4m, only.GetProperty("value").GetDecimal());
        Assert.True(only.GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Attainment_and_service_credits_computed_by_hand_for_a_small_data_set_match_the_report()
    {
        var tenant = await system.NewTenantAsync();
        // 365,000 a year: 1,000 a day, 7,019.23 a week (/52).
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), new DateOnly(2026, 1, 1), 365_000m));
        using var api = system.Sla(tenant.AccessToken);
        var uptime = await api.DefineAsync(engagementId, "Availability", 99.5m, "at-least", "daily", 10m, 1m);
        var resolve = await api.DefineAsync(engagementId, "Mean time to resolve", 4m, "at-most", "weekly", 5m, 2m);
        var csat = await api.DefineAsync(engagementId, "Customer satisfaction", 90m, "at-least", "monthly", null, 1m);

        // Daily, as a JSON array: met, met (equal), missed by 0.5, missed by 1.0, met.
        decimal[] days = [99.9m, 99.5m, 99.0m, 98.5m, 100m];
        using (var json = await api.PostRowsAsync(engagementId, days.Select((v, i) => new { slaId = uptime, period = June.AddDays(i).ToString("yyyy-MM-dd"), value = v })))
        {
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        }

        // Weekly and monthly, as CSV: 3.5 met, 4 met (equal), 5 missed by 1, 6 missed by 2; June 85, missed.
        var csv = SlaKit.Csv(
            (resolve, June, 3.5m), (resolve, June.AddDays(7), 4m), (resolve, June.AddDays(14), 5m), (resolve, June.AddDays(21), 6m),
            (csat, June.AddDays(10), 85m));
        using (var posted = await api.PostCsvAsync(engagementId, csv))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var report = await api.GetFromJsonAsync<JsonElement>($"api/engagements/{engagementId}/sla-report?from=2026-06-01&to=2026-06-30");
        var slas = report.GetProperty("slas").EnumerateArray().ToDictionary(s => s.GetProperty("slaId").GetGuid(), s => s);
        AssertFigures(slas[uptime], measured: 5, met: 3, missed: 2, attainment: 60m, shortfall: 0.75m, credits: 200m);
        AssertFigures(slas[resolve], measured: 4, met: 2, missed: 2, attainment: 50m, shortfall: 1.5m, credits: 701.92m); // 2 x 5 % x 7,019.23
        AssertFigures(slas[csat], measured: 1, met: 0, missed: 1, attainment: 0m, shortfall: 5m, credits: 0m);
        Assert.Equal(10, report.GetProperty("periodsMeasured").GetInt32());
        Assert.Equal(50m, report.GetProperty("attainmentPercent").GetDecimal());
        Assert.Equal(40m, report.GetProperty("weightedAttainmentPercent").GetDecimal()); // (60 x 1 + 50 x 2 + 0 x 1) / 4
        Assert.Equal(901.92m, report.GetProperty("serviceCreditsOwed").GetDecimal());
        // Stale: no daily value on 29 or 30 June; the weekly SLA has the week ending 28 June; June has its month.
        Assert.Equal([uptime], report.GetProperty("staleSlas").EnumerateArray().Select(s => s.GetGuid()));

        var one = await api.GetFromJsonAsync<JsonElement>($"api/slas/{uptime}/report?from=2026-06-01&to=2026-06-04");
        Assert.Equal("worsening", one.GetProperty("figures").GetProperty("trend").GetProperty("direction").GetString());
        Assert.Equal(50m, one.GetProperty("figures").GetProperty("attainmentPercent").GetDecimal());
    }

    private static void AssertFigures(JsonElement sla, int measured, int met, int missed, decimal attainment, decimal shortfall, decimal credits)
    {
        var f = sla.GetProperty("figures");
        Assert.Equal(measured, f.GetProperty("periodsMeasured").GetInt32());
        Assert.Equal(met, f.GetProperty("periodsMet").GetInt32());
        Assert.Equal(missed, f.GetProperty("periodsMissed").GetInt32());
        Assert.Equal(attainment, f.GetProperty("attainmentPercent").GetDecimal());
        Assert.Equal(shortfall, f.GetProperty("meanShortfall").GetDecimal());
        Assert.Equal(credits, f.GetProperty("serviceCredits").GetDecimal());
    }

    [Fact]
    public async Task A_batch_publishes_one_SlaResultsRecorded_per_engagement_and_coalesced_breaches_and_the_same_batch_again_nothing()
    {
        var tenant = await system.NewTenantAsync();
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), new DateOnly(2026, 1, 1)));
        using var api = system.Sla(tenant.AccessToken);
        var uptime = await api.DefineAsync(engagementId, "Availability", 99.5m, "at-least", "daily");
        var backlog = await api.DefineAsync(engagementId, "Backlog", 4m, "at-most", "daily");
        var csv = SlaKit.Csv(
            (uptime, June, 99.9m), (uptime, June.AddDays(1), 99m), (uptime, June.AddDays(2), 98m),
            (backlog, June, 5m), (backlog, June.AddDays(1), 3m));

        JsonElement result;
        using (var first = await api.PostCsvAsync(engagementId, csv))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            result = await first.Content.ReadFromJsonAsync<JsonElement>();
        }

        Assert.Equal((5L, 5L, 3L), (result.GetProperty("rows").GetInt64(), result.GetProperty("recorded").GetInt64(), result.GetProperty("breaches").GetInt64()));
        var batchId = result.GetProperty("batchId").GetGuid();

        var recorded = await Eventually.WaitAsync(
            async () => await SlaKit.OutboxAsync(tenant.TenantId, "SlaResultsRecorded") is { Count: 1 } r && r[0].SentAt is not null ? r : null,
            TimeSpan.FromSeconds(20),
            "SlaResultsRecorded to be published");
        var payload = recorded[0].Payload;
        Assert.Equal(engagementId, payload.GetProperty("engagementId").GetGuid());
        Assert.Equal(batchId, payload.GetProperty("batchId").GetGuid());
        Assert.Equal(tenant.TenantId, payload.GetProperty("tenantId").GetGuid());
        var results = payload.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("slaId").GetGuid(), r.GetProperty("periodStart").GetString(), r.GetProperty("value").GetDecimal(), r.GetProperty("met").GetBoolean()))
            .OrderBy(r => r.Item1 == uptime ? 0 : 1).ThenBy(r => r.Item2)
            .ToList();
        Assert.Equal(
            [(uptime, "2026-06-01", 99.9m, true), (uptime, "2026-06-02", 99m, false), (uptime, "2026-06-03", 98m, false), (backlog, "2026-06-01", 5m, false), (backlog, "2026-06-02", 3m, true)],
            results);

        // Each result carries its relative shortfall and each SLA its standing (SlaStaleness), so
        // that the risk service computes neither.
        var shortfalls = payload.GetProperty("results").EnumerateArray().ToDictionary(
            r => (r.GetProperty("slaId").GetGuid(), r.GetProperty("periodStart").GetString()), r => r.GetProperty("relativeShortfall").GetDecimal());
        Assert.Equal(0m, shortfalls[(uptime, "2026-06-01")]);
        Assert.Equal(Math.Round(0.5m / 99.5m, 12), Math.Round(shortfalls[(uptime, "2026-06-02")], 12));
        Assert.Equal(0.25m, shortfalls[(backlog, "2026-06-01")]); // |4 - 5| / 4
        var standings = payload.GetProperty("standings").EnumerateArray().ToDictionary(
            s => s.GetProperty("slaId").GetGuid(), s => s.GetProperty("staleFrom").GetString());
        Assert.Equal("2026-06-06", standings[uptime]); // latest 3 June: stale once 4 and 5 June have passed without a value
        Assert.Equal("2026-06-05", standings[backlog]);

        var breached = await Eventually.WaitAsync(
            async () => await SlaKit.OutboxAsync(tenant.TenantId, "SlaBreached") is { Count: 2 } r && r.All(x => x.SentAt is not null) ? r : null,
            TimeSpan.FromSeconds(20),
            "SlaBreached (one per SLA) to be published");
        var bySla = breached.ToDictionary(b => b.Payload.GetProperty("slaId").GetGuid(), b => b.Payload);
        Assert.Equal(["2026-06-02", "2026-06-03"], bySla[uptime].GetProperty("breaches").EnumerateArray().Select(b => b.GetProperty("periodStart").GetString()));
        Assert.Equal("Availability", bySla[uptime].GetProperty("metric").GetString());
        Assert.Equal(["2026-06-01"], bySla[backlog].GetProperty("breaches").EnumerateArray().Select(b => b.GetProperty("periodStart").GetString()));

        // The same batch again: nothing written, nothing published.
        var before = await SlaKit.CountAsync(tenant.TenantId, "SELECT count(*) FROM measurements WHERE batch_id = @b", ("b", batchId));
        using (var again = await api.PostCsvAsync(engagementId, csv))
        {
            var repeat = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((0L, 0L, 5L, 0L), (repeat.GetProperty("recorded").GetInt64(), repeat.GetProperty("replaced").GetInt64(), repeat.GetProperty("unchanged").GetInt64(), repeat.GetProperty("breaches").GetInt64()));
        }

        Assert.Equal(5L, before);
        Assert.Equal(5L, await SlaKit.CountAsync(tenant.TenantId, "SELECT count(*) FROM measurements WHERE batch_id = @b", ("b", batchId)));
        Assert.Single(await SlaKit.OutboxAsync(tenant.TenantId, "SlaResultsRecorded"));
        Assert.Equal(2, (await SlaKit.OutboxAsync(tenant.TenantId, "SlaBreached")).Count);

        // A replacement publishes only what changed: one result, and no breach (99.7 meets 99.5).
        using (var fix = await api.PostCsvAsync(engagementId, SlaKit.Csv((uptime, June.AddDays(1), 99.7m), (backlog, June.AddDays(1), 3m))))
        {
            var fixedResult = await fix.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((1L, 1L), (fixedResult.GetProperty("replaced").GetInt64(), fixedResult.GetProperty("unchanged").GetInt64()));
        }

        var all = await SlaKit.OutboxAsync(tenant.TenantId, "SlaResultsRecorded");
        Assert.Equal(2, all.Count);
        var change = Assert.Single(all[1].Payload.GetProperty("results").EnumerateArray());
        Assert.Equal(99.7m, change.GetProperty("value").GetDecimal());
        Assert.Equal(2, (await SlaKit.OutboxAsync(tenant.TenantId, "SlaBreached")).Count);
    }

    [Fact]
    public async Task Bad_rows_are_refused_naming_the_row_and_field_and_nothing_of_the_batch_is_written()
    {
        var tenant = await system.NewTenantAsync();
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), new DateOnly(2026, 1, 1)));
        using var api = system.Sla(tenant.AccessToken);
        var sla = await api.DefineAsync(engagementId);
        var good = $"{sla},2026-06-01,99.9\n";
        var tomorrow = SlaKit.Today.AddDays(1).ToString("yyyy-MM-dd");

        (string Csv, string Field)[] csvCases =
        [
            ($"slaId,period,value\n{good}{sla},2026-06-02,abc\n", "line 3, column value"),
            ($"slaId,period,value\n{good}{sla},2026-06-02,NaN\n", "line 3, column value"),
            ($"slaId,period,value\n{good}{sla},2026-06-02,Infinity\n", "line 3, column value"),
            ($"slaId,period,value\n{good}{sla},{tomorrow},99\n", "line 3, column period"),
            ($"slaId,period,value\n{good}{sla},2025-12-31,99\n", "line 3, column period"),
            ($"slaId,period,value\n{good}{sla},2026-13-01,99\n", "line 3, column period"),
            ($"slaId,period,value\n{good}{Guid.NewGuid()},2026-06-02,99\n", "line 3, column slaId"),
            ($"slaId,period,value\n{good}{good}", "line 3, column period"),
            ($"slaId,period,value\n{good}\"{sla},2026-06-02,99\n", "line 3"),
            ($"slaId,period,value\n{good}{sla};2026-06-02;99\n", "line 3"),
            ($"sla,day,amount\n{good}", "line 1"),
            ("", "line 1"),
        ];
        foreach (var (csv, field) in csvCases)
        {
            using var response = await api.PostCsvAsync(engagementId, csv);
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        (string Json, string Field)[] jsonCases =
        [
            ($$"""[{"slaId":"{{sla}}","period":"2026-06-01","value":99.9},{"slaId":"{{sla}}","period":"2026-06-02","value":"abc"}]""", "rows[1].value"),
            ($$"""[{"slaId":"{{sla}}","period":"2026-06-01","value":99.9},{"slaId":"{{sla}}","period":"2026-06-02","value":"NaN"}]""", "rows[1].value"),
            ($$"""[{"slaId":"{{sla}}","period":"2026-06-01","value":99.9},{"slaId":"{{sla}}","period":"2026-06-01","value":98}]""", "rows[1].period"),
            ($$"""[{"slaId":"{{sla}}","period":"2026-06-01","value":99.9},{"slaId":"{{sla}}","period":"{{tomorrow}}","value":98}]""", "rows[1].period"),
            ($$"""[{"slaId":"{{sla}}","period":"2026-06-01","value":99.9},{"period":"2026-06-02","value":98}]""", "rows[1].slaId"),
            ($$"""[{"slaId":"{{sla}}","period":"2026-06-01","value":99.9},{"slaId":"{{sla}}","period":"2026-06-02","value":""", "rows[1]"),
            ("""{"slaId":"x"}""", "body"),
        ];
        foreach (var (json, field) in jsonCases)
        {
            using var response = await api.PostRawAsync($"api/engagements/{engagementId}/measurements", json, "application/json");
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        using (var single = await api.PostRawAsync($"api/slas/{sla}/measurements", """{"period":"2026-06-01","value":"Infinity"}""", "application/json"))
        {
            await Problems.AssertProblemAsync(single, HttpStatusCode.BadRequest, "value");
        }

        using (var wrongType = await api.PostRawAsync($"api/engagements/{engagementId}/measurements", good, "text/plain"))
        {
            await Problems.AssertProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }

        Assert.Equal(0, await SlaKit.MeasurementsAsync(tenant.TenantId));
        Assert.Empty(await SlaKit.OutboxAsync(tenant.TenantId, "SlaResultsRecorded"));
    }

    [Fact]
    public async Task Uploads_over_the_row_or_size_limit_are_413_and_write_nothing_and_tokens_without_sla_write_get_403()
    {
        var tenant = await system.NewTenantAsync();
        var engagementId = await system.KnowEngagementAsync(tenant, SlaKit.Engagement(Guid.NewGuid(), new DateOnly(2000, 1, 1)));
        using var api = system.Sla(tenant.AccessToken);
        var sla = await api.DefineAsync(engagementId);

        // The test fixture sets the limits to 5,000 rows and 1 MiB.
        var rows = new StringBuilder("slaId,period,value\n");
        for (var i = 0; i < 5001; i++)
        {
            rows.Append(sla).Append(',').Append(new DateOnly(2001, 1, 1).AddDays(i).ToString("yyyy-MM-dd")).Append(",99.9\n");
        }

        using (var tooMany = await api.PostCsvAsync(engagementId, rows.ToString()))
        {
            await Problems.AssertProblemAsync(tooMany, HttpStatusCode.RequestEntityTooLarge);
        }

        var huge = "slaId,period,value\n" + new string('x', 1_100_000);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"api/engagements/{engagementId}/measurements") { Content = new StringContent(huge, Encoding.UTF8, "text/csv") })
        using (var tooBig = await SendExpectingContinue(api, request))
        {
            await Problems.AssertProblemAsync(tooBig, HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.Equal(0, await SlaKit.MeasurementsAsync(tenant.TenantId));

        var readOnly = await system.ClientTokenAsync(tenant, "sla:read");
        using var reader = system.Sla(readOnly);
        using (var refused = await reader.PostCsvAsync(engagementId, SlaKit.Csv((sla, June, 99m))))
        {
            await Problems.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        using (var refused = await reader.PostAsJsonAsync($"api/slas/{sla}/measurements", new { period = "2026-06-01", value = 99 }))
        {
            await Problems.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        using (var refused = await reader.PostAsJsonAsync($"api/engagements/{engagementId}/slas", new { metric = "x", unit = "%", target = 1, direction = "at-least", period = "daily" }))
        {
            await Problems.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        var viewer = TokenForge.Create(TokenForge.DevelopmentSigningKey(system.KeysDirectory), system.Identity, "sla", tenant.TenantId, "viewer", DateTime.UtcNow.AddMinutes(5));
        using (var asViewer = system.Sla(viewer))
        using (var refused = await asViewer.PostCsvAsync(engagementId, SlaKit.Csv((sla, June, 99m))))
        {
            await Problems.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.Equal(0, await SlaKit.MeasurementsAsync(tenant.TenantId));

        // sla:read reads; sla:write writes.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"api/engagements/{engagementId}/sla-report")).StatusCode);
        using var writer = system.Sla(await system.ClientTokenAsync(tenant, "sla:write"));
        using (var accepted = await writer.PostCsvAsync(engagementId, SlaKit.Csv((sla, June, 99m))))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal(1, await SlaKit.MeasurementsAsync(tenant.TenantId));
    }

    [Fact]
    public async Task A_terminated_engagement_takes_no_measurements_for_periods_after_its_end()
    {
        var tenant = await system.NewTenantAsync();
        var id = Guid.NewGuid();
        await system.KnowEngagementAsync(tenant, SlaKit.Engagement(id, new DateOnly(2026, 1, 1)));
        using var api = system.Sla(tenant.AccessToken);
        var sla = await api.DefineAsync(id);
        await system.KnowEngagementAsync(tenant, SlaKit.Engagement(id, new DateOnly(2026, 1, 1), status: "terminated", terminatedOn: new DateOnly(2026, 6, 30), version: 2), "EngagementTerminated");

        using (var after = await api.PostCsvAsync(id, SlaKit.Csv((sla, new DateOnly(2026, 6, 30), 99.9m), (sla, new DateOnly(2026, 7, 1), 99.9m))))
        {
            await Problems.AssertProblemAsync(after, HttpStatusCode.BadRequest, "line 3, column period");
        }

        using (var before = await api.PostCsvAsync(id, SlaKit.Csv((sla, new DateOnly(2026, 6, 30), 99.9m))))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.Equal(1, await SlaKit.MeasurementsAsync(tenant.TenantId));
    }

    private static Task<HttpResponseMessage> SendExpectingContinue(HttpClient api, HttpRequestMessage request)
    {
        // As a well-behaved client does, so that the 413 answered from the headers arrives before the body is sent.
        request.Headers.ExpectContinue = true;
        return api.SendAsync(request);
    }

    private static async Task<JsonElement> Record(HttpClient api, Guid slaId, string period, decimal value)
    {
        using var response = await api.PostAsJsonAsync($"api/slas/{slaId}/measurements", new { period, value });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
