using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.Testing;

namespace Sourcing.Benchmarks;

/// <summary>
/// sla-ingest: N measurement rows (a) by raw Npgsql binary COPY into a bare table; (c) the database's
/// baseline with the same guarantees (text COPY of the CSV into a staging table, INSERT ... SELECT
/// into the keyed, indexed table under forced row-level security, as the service's role); and (b) as
/// one CSV upload through the SLA service's bulk endpoint with a real token, to committed rows
/// (validation, staging COPY, merge, events). Goal (issue 15): (b) at least 0.7 x (c) at N = 1,000,000
/// with the service's working set under 250 MB, sampled every 50 ms during the upload.
/// </summary>
public sealed class SlaIngestBenchmark : IBenchmark
{
    private const int DaysPerSla = 5000;

    public string Name => "sla-ingest";

    public string Description => "the SLA bulk endpoint (CSV, real token) vs the database's staging COPY + INSERT ... SELECT under RLS, for N rows [default 1000000]";

    public async Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var slaCount = Math.Max(1, (n + DaysPerSla - 1) / DaysPerSla);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var firstDay = today.AddDays(-(DaysPerSla + 10));
        Console.WriteLine($"N = {n:N0} rows: {slaCount} daily SLAs x up to {DaysPerSla} days from {firstDay:yyyy-MM-dd}");

        // (a) Raw binary COPY of the same rows into a bare table.
        var slaIds = Enumerable.Range(0, slaCount).Select(_ => Guid.NewGuid()).ToArray();
        var raw = await RawCopyAsync(context, n, slaIds, firstDay, cancellationToken);
        Console.WriteLine($"(a) raw binary COPY:      {n:N0} rows in {raw.TotalSeconds:F2} s = {n / raw.TotalSeconds:N0} rows/s");

        // (b) Through the service.
        var logs = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "logs");
        var services = new List<ServiceProcess>();
        try
        {
            foreach (var (name, project, offset, database) in new[]
                     {
                         ("Identity", "Sourcing.Identity", 0, "sourcing_identity"), ("Tenants", "Sourcing.Tenants", 1, "sourcing_tenants"), ("Sla", "Sourcing.Sla", 3, "sourcing_sla"),
                     })
            {
                services.Add(await ServiceProcess.StartAsync(
                    name, project, context.ServicePortBase + offset, Environment(context, database), context.RepoRoot, "Release", logs));
            }

            var sla = services[2];
            var client = new SourcingClient(services[0].Url, services[1].Url, context.MailDev);
            var tenant = await client.SignUpAsync(
                "Benchmark Outsourcing Ltd", "US", "USD", "America/New_York", "Bea Bench", $"bench-{Guid.NewGuid():N}@example.com", "Correct-Horse-42-Battery", cancellationToken);
            using var api = SourcingClient.Api(sla.Url, tenant.AccessToken);
            api.Timeout = TimeSpan.FromMinutes(30);
            var engagementId = await KnowEngagementAsync(context, tenant, api, firstDay, cancellationToken);
            var ids = new Guid[slaCount];
            for (var i = 0; i < slaCount; i++)
            {
                using var defined = await api.PostAsJsonAsync(
                    $"api/engagements/{engagementId}/slas",
                    new { metric = $"Availability {i}", unit = "%", target = 99.5m, direction = "at-least", period = "daily", serviceCreditPercent = 5m },
                    cancellationToken);
                defined.EnsureSuccessStatusCode();
                ids[i] = (await defined.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
            }

            // (c) The database's own best with the same guarantees, same rows, same tenant and SLAs:
            // a text COPY of the CSV into a staging table (what psql's \copy does), then one INSERT ...
            // SELECT into the keyed, indexed measurements table under forced row-level security, as the
            // service's role in one transaction; rolled back (and the table vacuumed) so that (b)
            // starts from the same empty table. No events: those are (b)'s alone.
            var bestCase = await DatabaseBaselineAsync(context, tenant.TenantId, engagementId, n, ids, firstDay, cancellationToken);
            Console.WriteLine($"(c) database baseline:    {n:N0} rows in {bestCase.Total.TotalSeconds:F2} s = {n / bestCase.Total.TotalSeconds:N0} rows/s " +
                $"(text COPY into staging {bestCase.Staging.TotalSeconds:F2} s, INSERT ... SELECT under RLS {bestCase.Insert.TotalSeconds:F2} s)");

            var baseline = sla.WorkingSetBytes;
            long peak = baseline;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, sla.WorkingSetBytes);
                    await Task.Delay(50, CancellationToken.None);
                }
            }, CancellationToken.None);

            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/engagements/{engagementId}/measurements")
            {
                Content = new CsvRows(n, ids, firstDay),
            };
            using var response = await api.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            watch.Stop();
            await sampling.CancelAsync();
            await sampler;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Console.WriteLine($"(b) failed: {(int)response.StatusCode} {body}");
                return 1;
            }

            var committed = await CountAsync(context, tenant.TenantId, cancellationToken);
            var http = watch.Elapsed;
            Console.WriteLine($"(b) bulk endpoint (CSV):  {n:N0} rows in {http.TotalSeconds:F2} s = {n / http.TotalSeconds:N0} rows/s; answer {body}");
            Console.WriteLine($"    committed rows: {committed:N0}");
            Console.WriteLine($"ratio (b)/(a), against the bare COPY: {raw.TotalSeconds / http.TotalSeconds:F2}");
            Console.WriteLine($"ratio (b)/(c), against the database baseline: {bestCase.Total.TotalSeconds / http.TotalSeconds:F2} (goal >= 0.70)");
            Console.WriteLine($"SLA service working set: {baseline / 1048576.0:F0} MiB before, peak {peak / 1048576.0:F0} MiB during the upload (goal < 250 MB)");
            return committed == n ? 0 : 1;
        }
        finally
        {
            foreach (var service in Enumerable.Reverse(services))
            {
                await service.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string> Environment(BenchmarkContext context, string database) => new()
    {
        ["ConnectionStrings__Database"] = context.ConnectionString(database, "sourcing_app"),
        ["ConnectionStrings__Migrations"] = context.ConnectionString(database, "sourcing_owner"),
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = context.RabbitPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = context.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["DataProtection__KeysDirectory"] = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "keys", "dataprotection"),
        ["Identity__Authority"] = $"http://127.0.0.1:{context.ServicePortBase}/",
        ["Identity__Issuer"] = $"http://127.0.0.1:{context.ServicePortBase}/",
        ["Identity__KeysDirectory"] = Path.Combine(context.RepoRoot, ".data", context.EnvironmentName, "keys"),
        ["Ingestion__MaxRows"] = "100000000",
        ["Ingestion__MaxBodyBytes"] = "17179869184",
    };

    private static async Task<TimeSpan> RawCopyAsync(BenchmarkContext context, int n, Guid[] slaIds, DateOnly firstDay, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(context.ConnectionString("sourcing_sla", "sourcing_owner"));
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
                         "DROP TABLE IF EXISTS bench_raw_measurements; CREATE TABLE bench_raw_measurements (sla_id uuid NOT NULL, period_start date NOT NULL, value numeric NOT NULL)",
                         connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync(
                         "COPY bench_raw_measurements (sla_id, period_start, value) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < n; i++)
            {
                var (sla, day, value) = Row(i, slaIds, firstDay);
                importer.StartRow();
                importer.Write(sla, NpgsqlDbType.Uuid);
                importer.Write(day, NpgsqlDbType.Date);
                importer.Write(value, NpgsqlDbType.Numeric);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        watch.Stop();
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_raw_measurements", connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Staging, TimeSpan Insert, TimeSpan Total)> DatabaseBaselineAsync(
        BenchmarkContext context, Guid tenantId, Guid engagementId, int n, Guid[] slaIds, DateOnly firstDay, CancellationToken cancellationToken)
    {
        TimeSpan staging, insert;
        await using (var connection = new NpgsqlConnection(context.ConnectionString("sourcing_sla", "sourcing_app")))
        {
            await connection.OpenAsync(cancellationToken);
            var watch = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var setup = new NpgsqlCommand(
                             $"SELECT set_config('app.tenant_id', '{tenantId}', true); CREATE TEMP TABLE bench_staging (sla_id uuid NOT NULL, period_start date NOT NULL, value numeric NOT NULL) ON COMMIT DROP",
                             connection))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginTextImportAsync("COPY bench_staging (sla_id, period_start, value) FROM STDIN (FORMAT csv, HEADER true)", cancellationToken))
            {
                await writer.WriteAsync("slaId,period,value\n");
                var line = new StringBuilder(64);
                for (var i = 0; i < n; i++)
                {
                    var (sla, day, value) = Row(i, slaIds, firstDay);
                    line.Clear().Append(sla.ToString()).Append(',').Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                        .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    writer.Write(line);
                }
            }

            staging = watch.Elapsed;
            await using (var merge = new NpgsqlCommand(
                             """
                             INSERT INTO measurements
                               (tenant_id, sla_id, period_start, period_end, engagement_id, value, target, direction, met, relative_shortfall, recorded_at, batch_id)
                             SELECT @tenant, s.sla_id, s.period_start, s.period_start, @engagement, s.value, d.target, d.direction, s.value >= d.target,
                                    CASE WHEN s.value >= d.target THEN 0 ELSE (d.target - s.value) / d.target END, now(), @batch
                             FROM bench_staging s JOIN slas d ON d.tenant_id = @tenant AND d.id = s.sla_id
                             """,
                             connection))
            {
                merge.CommandTimeout = 0;
                merge.Parameters.AddWithValue("tenant", tenantId);
                merge.Parameters.AddWithValue("engagement", engagementId);
                merge.Parameters.AddWithValue("batch", Guid.NewGuid());
                var inserted = await merge.ExecuteNonQueryAsync(cancellationToken);
                if (inserted != n)
                {
                    throw new InvalidOperationException($"The baseline inserted {inserted} rows, not {n}.");
                }
            }

            // Rolled back instead of committed: on the benchmark servers (synchronous_commit off) a commit costs next to nothing.
            insert = watch.Elapsed - staging;
            await transaction.RollbackAsync(cancellationToken);
        }

        await using (var owner = new NpgsqlConnection(context.ConnectionString("sourcing_sla", "sourcing_owner")))
        {
            await owner.OpenAsync(cancellationToken);
            await using var vacuum = new NpgsqlCommand("VACUUM measurements", owner) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        return (staging, insert, staging + insert);
    }

    /// <summary>Row i: SLA i / days, day i % days; one value in twenty misses the 99.5 target.</summary>
    private static (Guid Sla, DateOnly Day, decimal Value) Row(int i, Guid[] slaIds, DateOnly firstDay) =>
        (slaIds[i / DaysPerSla], firstDay.AddDays(i % DaysPerSla), i % 20 == 0 ? 98.25m : 99.75m);

    private static async Task<Guid> KnowEngagementAsync(BenchmarkContext context, SignedUpTenant tenant, HttpClient api, DateOnly contractStart, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var created = new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = new EngagementState
            {
                Id = id,
                Name = "Benchmark contact centre",
                SourceKind = SourceKinds.Provider,
                Scope = EngagementScopes.WholeProcess,
                BusinessProcess = BusinessProcesses.CustomerService,
                DeliveryCountry = "PH",
                DeliveryTimeZone = "Asia/Manila",
                DeliveryLanguages = ["en"],
                PlaceOfWork = "provider-premises",
                Core = false,
                DataSensitivity = [],
                Criticality = "standard",
                Status = "active",
                Contract = new ContractTerms { Start = contractStart, NoticePeriodDays = 90, AutoRenewal = false, PricingModel = "fixed-fee", AnnualValue = 1_000_000m, Currency = "USD" },
                Classification = new EngagementClassification("offshore-bpo", "offshore BPO outsourcing", "offshore", "benchmark"),
                Version = 1,
            },
        };
        await using (var connection = new NpgsqlConnection(context.ConnectionString("sourcing_tenants", "sourcing_owner")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO outbox_messages (id, tenant_id, message_type, payload, occurred_at, attempts) VALUES (@id, @t, @type, @p::jsonb, now(), 0)", connection);
            insert.Parameters.AddWithValue("id", created.EventId);
            insert.Parameters.AddWithValue("t", tenant.TenantId);
            insert.Parameters.AddWithValue("type", typeof(EngagementCreated).FullName!);
            insert.Parameters.AddWithValue("p", JsonSerializer.Serialize(created, SourcingClient.Json));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await Eventually.WaitAsync(
            async () => (await api.GetAsync($"api/engagements/{id}", cancellationToken)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the SLA service to know the engagement");
        return id;
    }

    private static async Task<long> CountAsync(BenchmarkContext context, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(context.ConnectionString("sourcing_sla", "sourcing_app"));
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{tenantId}', true)", connection))
        {
            await set.ExecuteScalarAsync(cancellationToken);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM measurements", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The upload, written while it is sent: never held in memory on either side.</summary>
    private sealed class CsvRows : HttpContent
    {
        private readonly int _rows;
        private readonly Guid[] _slas;
        private readonly DateOnly _firstDay;

        public CsvRows(int rows, Guid[] slas, DateOnly firstDay)
        {
            _rows = rows;
            _slas = slas;
            _firstDay = firstDay;
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Rows are formatted synchronously into a chunk and written a chunk at a time, so that the
            // client spends as little of the shared CPU as it can.
            var encoding = new UTF8Encoding(false);
            var chunk = new StringBuilder(1 << 20);
            chunk.Append("slaId,period,value\n");
            for (var i = 0; i < _rows; i++)
            {
                var (sla, day, value) = Row(i, _slas, _firstDay);
                chunk.Append(sla.ToString()).Append(',').Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                if (chunk.Length > (1 << 20) - 100)
                {
                    await stream.WriteAsync(encoding.GetBytes(chunk.ToString()));
                    chunk.Clear();
                }
            }

            await stream.WriteAsync(encoding.GetBytes(chunk.ToString()));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
