using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Sourcing.SystemTests.Engagements;
using Sourcing.SystemTests.Risk;
using Sourcing.SystemTests.Sla;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>
/// Issue 20's faults, on the real processes and servers: the broker stopped for a minute while writes go on,
/// PostgreSQL restarted under running services, the risk service killed (SIGKILL) in the middle of a recompute
/// and of a digest run, the SLA service killed in the middle of a bulk upload. Each asserts that nothing is
/// lost, nothing is doubled and nothing is half written.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FaultTests(SystemFixture system)
{
    /// <summary>How long the broker stays down (issue 20: a minute).</summary>
    private static readonly TimeSpan BrokerOutage = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task With_RabbitMQ_stopped_for_a_minute_sign_up_and_writes_go_on_and_every_event_takes_effect_once_after()
    {
        using var tenant = await EngagementsKit.NewTenantAsync(system, "Broker Outage Ltd");
        using var risk = RiskApi.Client(tenant.Tenant.AccessToken);
        using var sla = system.Sla(tenant.Tenant.AccessToken);
        await RiskApi.WaitForTenantAsync(risk);
        var providerId = await EngagementsKit.CreateIdAsync(tenant.Api, "api/providers", EngagementsKit.Provider());
        var known = await EngagementsKit.CreateIdAsync(tenant.Api, "api/engagements", EngagementsKit.Engagement(providerId, name: "Known before the outage"));
        await Eventually.WaitAsync(async () => (await sla.GetAsync($"api/engagements/{known}")).StatusCode == HttpStatusCode.OK, CatchUp, "the SLA service to know the engagement");
        var slaId = await sla.DefineAsync(known, metric: "Availability", target: 99.5m, period: "daily");
        await RiskApi.WaitForScoresAsync(risk, known, _ => true, "the first engagement's scores");

        var created = new List<Guid>();
        var uploaded = new List<DateOnly>();
        var founderEmail = SystemFixture.UniqueEmail("outage-founder");
        Guid signedUp;
        await SystemFixture.RabbitAsync("stop");
        try
        {
            // A company signs up (identity's event creates it in the tenants service), an engagement is renamed.
            using (var signUp = await system.Client.PostSignUpAsync(new
            {
                companyName = "Signed Up In The Outage Ltd",
                hqCountry = "IE",
                reportingCurrency = "EUR",
                timeZone = "Europe/Dublin",
                adminName = "Orla Outage",
                adminEmail = founderEmail,
                adminPassword = SystemFixture.StrongPassword,
            }))
            {
                Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
                signedUp = (await signUp.Content.ReadFromJsonAsync<SignUpResponse>(SourcingClient.Json))!.TenantId;
            }

            using (var rename = await EngagementsKit.PutAsync(tenant.Api, $"api/engagements/{known}", EngagementsKit.Engagement(providerId, name: "Renamed during the outage")))
            {
                Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
            }

            // Writes on three services for a minute: engagements (events to SLA and risk), measurements (events to risk).
            var outage = Stopwatch.StartNew();
            while (outage.Elapsed < BrokerOutage)
            {
                created.Add(await EngagementsKit.CreateIdAsync(
                    tenant.Api, "api/engagements", EngagementsKit.Engagement(providerId, name: $"Created during the outage {created.Count + 1}")));
                var days = Enumerable.Range(uploaded.Count + 1, 5).Select(d => SlaKit.Today.AddDays(-d)).ToList();
                using (var upload = await sla.PostCsvAsync(known, SlaKit.Csv([.. days.Select(d => (slaId, d, d.Day % 4 == 0 ? 97m : 99.9m))])))
                {
                    Assert.True(upload.IsSuccessStatusCode, $"upload during the outage: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
                }

                uploaded.AddRange(days);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            // Meanwhile every event waits in its outbox: none of the outage's engagements is sent, the company is not in the tenants service yet.
            var waiting = (await EngagementsKit.OutboxAsync(tenant.TenantId)).Where(r => r.Type is "EngagementCreated" or "EngagementChanged").Skip(1).ToList();
            Assert.Equal(created.Count + 1, waiting.Count);
            Assert.All(waiting, r => Assert.False(r.Sent));
            Assert.Equal(0L, await TenantsCountAsync(signedUp, "SELECT count(*) FROM tenants WHERE tenant_id = @t"));
        }
        finally
        {
            await SystemFixture.RabbitAsync("start");
        }

        Assert.True(created.Count >= 10, $"only {created.Count} writes in a minute");
        foreach (var id in created)
        {
            await Eventually.WaitAsync(async () => (await sla.GetAsync($"api/engagements/{id}")).StatusCode == HttpStatusCode.OK, CatchUp, $"the SLA service to know {id}");
            await Eventually.WaitAsync(async () => await RiskApi.ScoresAsync(risk, id) is not null, CatchUp, $"the risk service to score {id}");
        }

        await Eventually.WaitAsync(
            async () => await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM sla_results WHERE sla_id = @sla", ("sla", slaId)) == uploaded.Count,
            CatchUp,
            "the risk service to have every period measured during the outage");

        // Once: give any redelivery time to show, then count every effect.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(created.Count + 1, await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM engagements"));
        Assert.Equal(created.Count + 1, await SlaKit.CountAsync(tenant.TenantId, "SELECT count(*) FROM engagements"));
        Assert.Equal(uploaded.Count, await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM sla_results WHERE sla_id = @sla", ("sla", slaId)));
        Assert.Equal(uploaded.Count, await SlaKit.CountAsync(tenant.TenantId, "SELECT count(*) FROM measurements"));
        var events = await EngagementsKit.OutboxAsync(tenant.TenantId);
        Assert.All(events, e => Assert.True(e.Sent));
        Assert.Equal(created.Count + 1, events.Count(e => e.Type == "EngagementCreated"));
        var renamed = Assert.Single(events, e => e.Type == "EngagementChanged");
        Assert.Equal("Renamed during the outage", renamed.Payload.GetProperty("engagement").GetProperty("name").GetString());
        var (read, _) = await EngagementsKit.GetAsync(tenant.Api, $"api/engagements/{known}");
        Assert.Equal(2, read.GetProperty("version").GetInt32());
        await Eventually.WaitAsync(
            async () => (await sla.GetFromJsonAsync<JsonElement>($"api/engagements/{known}")).GetProperty("version").GetInt32() == 2, CatchUp, "the SLA service to have the rename");

        // The company signed up during the outage exists once, with its one admin, from one consumed event; its admin can work.
        await Eventually.WaitAsync(async () => await TenantsCountAsync(signedUp, "SELECT count(*) FROM tenants WHERE tenant_id = @t") == 1, CatchUp, "the signed-up company");
        Assert.Equal(1L, await TenantsCountAsync(signedUp, "SELECT count(*) FROM members WHERE tenant_id = @t"));
        Assert.Equal(1L, await TenantsCountAsync(signedUp, "SELECT count(*) FROM inbox_messages WHERE tenant_id = @t"));
        Assert.Equal(1L, await TenantsCountAsync(
            signedUp, "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.TenantRegistered'"));
        var founder = await system.Client.Oidc.LoginAsync(founderEmail, SystemFixture.StrongPassword);
        using (var founderApi = system.Api(founder.AccessToken))
        {
            using var own = await founderApi.GetAsync("api/tenant");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        Assert.Equal(0L, await SystemFixture.ScalarAsync<long>(
            "sourcing_sla", "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND sent_at IS NULL", ("t", tenant.TenantId)));
    }

    [Fact]
    public async Task With_PostgreSQL_restarted_every_service_reports_not_ready_answers_503_and_recovers_without_a_restart_of_its_own()
    {
        using var tenant = await EngagementsKit.NewTenantAsync(system, "Database Restart Ltd");
        using var risk = RiskApi.Client(tenant.Tenant.AccessToken);
        await RiskApi.WaitForTenantAsync(risk);
        var providerId = await EngagementsKit.CreateIdAsync(tenant.Api, "api/providers", EngagementsKit.Provider());
        var processes = SystemFixture.ServiceNames.ToDictionary(n => n, n => system.Service(n).ProcessId);

        await SystemFixture.ServerAsync("stop", "postgres");
        try
        {
            foreach (var name in SystemFixture.ServiceNames)
            {
                using var http = new HttpClient { BaseAddress = system.Service(name).Url };
                await Eventually.WaitAsync(
                    async () =>
                    {
                        using var ready = await http.GetAsync("health/ready");
                        return ready.StatusCode == HttpStatusCode.ServiceUnavailable;
                    },
                    TimeSpan.FromSeconds(30),
                    $"{name} to report itself not ready");
                using var live = await http.GetAsync("health/live");
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            using var refused = await tenant.Api.PostAsJsonAsync("api/engagements", EngagementsKit.Engagement(providerId, name: "Written during the database outage"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            using var read = await risk.GetAsync("api/risk/scores");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        }
        finally
        {
            await SystemFixture.ServerAsync("start", "postgres");
            NpgsqlConnection.ClearAllPools();
        }

        foreach (var name in SystemFixture.ServiceNames)
        {
            using var http = new HttpClient { BaseAddress = system.Service(name).Url };
            await Eventually.WaitAsync(
                async () =>
                {
                    using var ready = await http.GetAsync("health/ready");
                    return ready.StatusCode == HttpStatusCode.OK;
                },
                TimeSpan.FromSeconds(60),
                $"{name} to be ready again");
            Assert.Equal(processes[name], system.Service(name).ProcessId);
        }

        // Every hop works again in the same processes: the API, the outbox, the broker's consumers, the risk jobs.
        var after = await EngagementsKit.CreateIdAsync(tenant.Api, "api/engagements", EngagementsKit.Engagement(providerId, name: "Written after the restart"));
        await Eventually.WaitAsync(async () => await RiskApi.ScoresAsync(risk, after) is not null, CatchUp, "the engagement written after the restart to be scored");
        Assert.Equal(0L, await SystemFixture.CountAsTenantAsync(
            EngagementsKit.Database, tenant.TenantId, "SELECT count(*) FROM engagements WHERE name = @name", ("name", "Written during the database outage")));
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_recompute_the_risk_service_leaves_nothing_half_written_and_finishes_it_after_restart()
    {
        var tenant = await system.NewTenantAsync("Recompute Crash Ltd");
        using (var admin = RiskApi.Client(tenant.AccessToken))
        {
            await RiskApi.WaitForTenantAsync(admin);
        }

        // A portfolio big enough that its recompute takes a while (4,000 engagements, 90 days of results each).
        const int Engagements = 4_000;
        await RiskPortfolioSeed.CopyPortfolioAsync(TestEnvironment.ConnectionString("sourcing_risk", "sourcing_owner"), [tenant.TenantId], Engagements, 7);
        using (var admin = RiskApi.Client(tenant.AccessToken))
        {
            using var requested = await admin.PostAsync("api/risk/recompute", null);
            Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        }

        await Eventually.WaitAsync(() => RecomputeRunningAsync(tenant.TenantId), TimeSpan.FromSeconds(60), "the recompute to start");
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await system.KillAsync("Risk");

        // The killed run's transaction never committed: no score, no record, no event of it.
        Assert.Equal(0L, await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM engagement_scores"));
        Assert.Equal(0L, await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM tenant_recomputes WHERE engagements = @n", ("n", Engagements)));
        Assert.Equal(0L, await RiskOutboxAsync(tenant.TenantId, "RiskScoresChanged"));

        // The job is Hangfire's: the restarted service takes it again once the dead worker's hold lapses.
        await system.StartAgainAsync("Risk");
        await Eventually.WaitAsync(
            async () => await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM tenant_recomputes WHERE engagements = @n", ("n", Engagements)) == 1,
            CatchUp,
            "the recompute to complete after the restart");
        Assert.Equal(Engagements, await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM engagement_scores"));
        Assert.Equal(Engagements, await RiskCountAsync(tenant.TenantId, "SELECT count(*) FROM score_history"));
        var events = await SystemFixture.ScalarAsync<long>(
            "sourcing_risk",
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.RiskScoresChanged'",
            ("t", tenant.TenantId));
        var distinct = await SystemFixture.ScalarAsync<long>(
            "sourcing_risk",
            """
            SELECT count(DISTINCT payload ->> 'engagementId') FROM outbox_messages
            WHERE tenant_id = @t AND message_type = 'Sourcing.Contracts.RiskScoresChanged'
            """,
            ("t", tenant.TenantId));

        // One RiskScoresChanged per engagement: the completed run's, none of the killed run's.
        Assert.Equal(Engagements, events);
        Assert.Equal(Engagements, distinct);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_sending_digests_the_risk_service_sends_the_rest_after_restart_and_none_twice()
    {
        var tenant = await system.NewTenantAsync("Digest Crash Ltd");
        using (var admin = RiskApi.Client(tenant.AccessToken))
        {
            await RiskApi.WaitForTenantAsync(admin);
        }

        var managers = await Task.WhenAll(Enumerable.Range(1, 24).Select(i => DigestSetup.JoinAsync(system, tenant.TenantId, $"Crash Manager {i}")));
        var recipients = managers.Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await DigestSetup.ExecuteAsTenantAsync(tenant.TenantId, "UPDATE digest_subscriptions SET send_empty = true");

        // A slow SMTP server, so that the run is still sending when the service dies.
        system.RiskSmtp.Delay = TimeSpan.FromMilliseconds(150);
        int atKill;
        try
        {
            await DigestSetup.MakeAllDueAsync(tenant.TenantId);
            await Eventually.WaitAsync(async () => (await DigestSetup.MailDev.CountsToAsync(recipients)).Count >= 3, TimeSpan.FromSeconds(90), "the first digests");

            // Kill it while it waits on the server in the middle of an e-mail (the server holds what it sent next),
            // not in the instant between the server taking an e-mail and the dispatcher recording it: that window
            // of milliseconds is the one a resend can still come from (README, "Messaging").
            system.RiskSmtp.Hold();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await system.KillAsync("Risk");
            atKill = (await DigestSetup.MailDev.CountsToAsync(recipients)).Count;
        }
        finally
        {
            // What the killed process had sent into the held connection never reaches the server.
            system.RiskSmtp.Delay = TimeSpan.Zero;
            system.RiskSmtp.DropConnections();
            system.RiskSmtp.Release();
        }

        Assert.True(atKill < recipients.Count, $"all {recipients.Count} digests were sent before the kill: the test did not interrupt the run");
        await system.StartAgainAsync("Risk");
        await Eventually.WaitAsync(
            async () => (await DigestSetup.MailDev.CountsToAsync(recipients)).Keys.Count == recipients.Count, TimeSpan.FromSeconds(120), "every digest after the restart");
        await Task.Delay(TimeSpan.FromSeconds(12));
        var received = await DigestSetup.MailDev.CountsToAsync(recipients);
        Assert.Equal(recipients.Count, received.Count);
        var doubled = received.Where(r => r.Value > 1).Select(r => $"{r.Key} x{r.Value}").ToList();
        Assert.True(doubled.Count == 0, $"{atKill} digests had arrived at the kill; sent more than once: {string.Join(", ", doubled)}");
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_bulk_upload_the_SLA_service_keeps_the_batch_wholly_in_or_wholly_out()
    {
        var tenant = await system.NewTenantAsync("Upload Crash Ltd");
        var engagement = SlaKit.Engagement(Guid.NewGuid(), SlaKit.Today.AddYears(-8));
        await system.KnowEngagementAsync(tenant, engagement);
        using var api = system.Sla(tenant.AccessToken);
        var slas = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            slas.Add(await api.DefineAsync(engagement.Id, metric: $"Metric {i}"));
        }

        // 40 SLAs x 2,500 days: 100,000 rows, about 5 MB.
        var csv = new StringBuilder("slaId,period,value\n");
        foreach (var sla in slas)
        {
            for (var d = 1; d <= 2_500; d++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{sla},{SlaKit.Today.AddDays(-d):yyyy-MM-dd},{(d % 7 == 0 ? 97.5m : 99.9m)}\n");
            }
        }

        var body = Encoding.UTF8.GetBytes(csv.ToString());
        const long Rows = 40 * 2_500;
        var limits = new Dictionary<string, string> { ["Ingestion__MaxRows"] = "200000", ["Ingestion__MaxBodyBytes"] = "67108864" };

        // 1. Killed while the body is still arriving.
        await using (var service = await system.StartVariantAsync("Sla", 15, limits))
        {
            var halfway = new TaskCompletionSource();
            using var release = new CancellationTokenSource();
            using var http = SourcingClient.Api(service.Url, tenant.AccessToken);
            using var stalled = new StalledContent(body, halfway, release.Token);
            var upload = http.PostAsync($"api/engagements/{engagement.Id}/measurements", stalled);
            await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await service.DisposeAsync();
            await release.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        Assert.Equal(0L, await SlaKit.MeasurementsAsync(tenant.TenantId));
        Assert.Empty(await SlaKit.OutboxAsync(tenant.TenantId, "SlaResultsRecorded"));

        // 2. Killed after the whole body arrived, while the batch is merged.
        long afterMerge;
        await using (var service = await system.StartVariantAsync("Sla", 15, limits))
        {
            using var http = SourcingClient.Api(service.Url, tenant.AccessToken);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("text/csv");
            var upload = http.PostAsync($"api/engagements/{engagement.Id}/measurements", content);
            await Eventually.WaitAsync(() => MergingAsync(), TimeSpan.FromSeconds(120), "the upload's merge to start");
            await service.DisposeAsync();
            try
            {
                using var answered = await upload;
            }
            catch (HttpRequestException)
            {
                // The connection died with the service, as expected.
            }

            afterMerge = await SlaKit.MeasurementsAsync(tenant.TenantId);
        }

        Assert.True(afterMerge is 0 or Rows, $"{afterMerge} of {Rows} rows after a kill during the merge");
        var recorded = await SlaKit.OutboxAsync(tenant.TenantId, "SlaResultsRecorded");
        Assert.True(afterMerge == 0 ? recorded.Count == 0 : recorded.Count > 0, $"{recorded.Count} SlaResultsRecorded parts for {afterMerge} rows");

        // 3. Restarted, the same upload goes through whole (or, were it in already, changes nothing).
        await using (var service = await system.StartVariantAsync("Sla", 15, limits))
        {
            using var http = SourcingClient.Api(service.Url, tenant.AccessToken);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("text/csv");
            using var upload = await http.PostAsync($"api/engagements/{engagement.Id}/measurements", content);
            Assert.True(upload.IsSuccessStatusCode, $"{(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(Rows, await SlaKit.MeasurementsAsync(tenant.TenantId));
    }

    /// <summary>True while a session holds the tenant's recompute lock (TenantRecompute.LockKey, a bigint advisory lock: classid high, objid low).</summary>
    private static async Task<bool> RecomputeRunningAsync(Guid tenantId) =>
        await SystemFixture.ScalarAsync<bool>(
            "sourcing_risk",
            """
            SELECT EXISTS (SELECT 1 FROM pg_locks
                           WHERE locktype = 'advisory' AND granted AND objsubid = 1
                             AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(@tenant, @key))
            """,
            ("tenant", tenantId.ToString()), ("key", Sourcing.Risk.Recompute.TenantRecompute.LockKey));

    /// <summary>
    /// True while an SLA-service session runs the batch merge (reads the upload's staging table into measurements). As the
    /// superuser: other roles see "&lt;insufficient privilege&gt;" for the text of the service's queries.
    /// </summary>
    private static async Task<bool> MergingAsync()
    {
        await using var connection = await SystemFixture.OpenAsync("sourcing_sla", "postgres");
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query ILIKE '%INSERT INTO measurements%' AND query ILIKE '%sla_staging%')",
            connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>As the tenants service's run-time role with the tenant set (@t), the way the service reads it.</summary>
    private static Task<long> TenantsCountAsync(Guid tenantId, string sql) =>
        SystemFixture.CountAsTenantAsync("sourcing_tenants", tenantId, sql, ("t", tenantId));

    private static Task<long> RiskCountAsync(Guid tenantId, string sql, params (string Name, object Value)[] parameters) =>
        SystemFixture.CountAsTenantAsync("sourcing_risk", tenantId, sql, parameters);

    private static Task<long> RiskOutboxAsync(Guid tenantId, string type) =>
        SystemFixture.ScalarAsync<long>(
            "sourcing_risk",
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @t AND message_type = @type",
            ("t", tenantId), ("type", "Sourcing.Contracts." + type));

    /// <summary>A CSV body that sends its first half, says so, and then never finishes: an upload cut off by the crash.</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _halfway;
        private readonly CancellationToken _release;

        public StalledContent(byte[] body, TaskCompletionSource halfway, CancellationToken release)
        {
            (_body, _halfway, _release) = (body, halfway, release);
            Headers.ContentType = new("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_body.AsMemory(0, _body.Length / 2), _release);
            await stream.FlushAsync(_release);
            _halfway.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, _release);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
