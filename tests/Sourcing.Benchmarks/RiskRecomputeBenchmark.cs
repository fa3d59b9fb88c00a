using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Hangfire.PostgreSql;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.Risk.Recompute;

namespace Sourcing.Benchmarks;

/// <summary>
/// risk-recompute: generates tenants x engagements (providers, one daily SLA each, 90 days of
/// results) straight into the risk read model with COPY, times the full recompute (the recurring
/// job's fan-out, one job per tenant), then again with twice the tenants, then the latency from
/// one SlaResultsRecorded on the broker to the changed score.
/// Args: [tenants=100] [engagements=1000] [latency samples=20].
/// </summary>
public sealed class RiskRecomputeBenchmark : IBenchmark
{
    private static readonly string[] Countries = ["PH", "IN", "PL", "MX", "US", "RO", "ZA", "BR", "MY", "DE"];
    private static readonly string[] Zones = ["Asia/Manila", "Asia/Kolkata", "Europe/Warsaw", "America/Mexico_City", "America/Chicago", "Europe/Bucharest", "Africa/Johannesburg", "America/Sao_Paulo", "Asia/Kuala_Lumpur", "Europe/Berlin"];
    private static readonly string[] Currencies = ["PHP", "INR", "PLN", "MXN", "USD", "RON", "ZAR", "BRL", "MYR", "EUR"];
    private static readonly string[] Grades = ["offshore", "offshore", "offshore", "onshore", "onshore", "offshore", "offshore", "offshore", "offshore", "offshore"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "risk-recompute";

    public string Description => "full recompute of every tenant's scores (1x and 2x data) and the latency of a targeted recompute, alone and during a full recompute";

    public async Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken)
    {
        var tenants = args.Length > 0 ? int.Parse(args[0]) : 100;
        var perTenant = args.Length > 1 ? int.Parse(args[1]) : 1000;
        var samples = args.Length > 2 ? int.Parse(args[2]) : 20;
        var owner = context.ConnectionString("sourcing_risk", "sourcing_owner");
        await using var service = await RiskProcess.StartAsync(context, cancellationToken);
        await SetForceAsync(owner, force: false, cancellationToken);
        try
        {
            GlobalConfiguration.Configuration.UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(owner), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false });
            var jobs = new BackgroundJobClient();

            var ids1 = await GenerateAsync(owner, 0, tenants, perTenant, cancellationToken);
            var first = await FullRecomputeAsync(owner, jobs, tenants, cancellationToken);
            await DrainAsync(owner, cancellationToken);
            var again = await FullRecomputeAsync(owner, jobs, tenants, cancellationToken);
            Console.WriteLine($"1x: {tenants} tenants x {perTenant} engagements ({tenants * perTenant * 90:N0} results): full recompute {first.TotalSeconds:F1} s (every score new), {again.TotalSeconds:F1} s (nothing changed)");

            // 2x: twice the tenants; the scores, alerts and events of the 1x runs are cleared so that
            // the first 2x run computes and writes every score anew, like the first 1x run.
            await GenerateAsync(owner, tenants, tenants, perTenant, cancellationToken);
            await DrainAsync(owner, cancellationToken);
            await ClearScoresAsync(owner, cancellationToken);
            var second = await FullRecomputeAsync(owner, jobs, 2 * tenants, cancellationToken);
            await DrainAsync(owner, cancellationToken);
            var secondAgain = await FullRecomputeAsync(owner, jobs, 2 * tenants, cancellationToken);
            Console.WriteLine($"2x: {2 * tenants} tenants x {perTenant} engagements: full recompute {second.TotalSeconds:F1} s (every score new, ratio {second / first:F2}), {secondAgain.TotalSeconds:F1} s (nothing changed, ratio {secondAgain / again:F2})");

            await DrainAsync(owner, cancellationToken);
            var quiet = await TargetedAsync(context, owner, ids1, samples, cancellationToken);
            quiet.Sort();
            Console.WriteLine($"targeted: {samples} x one SlaResultsRecorded -> changed score: p50 {Percentile(quiet, 0.5):F0} ms, p95 {Percentile(quiet, 0.95):F0} ms, max {quiet[^1]:F0} ms");

            // The same, for engagements of other tenants, while the scheduled recompute of every
            // tenant (2x data, nothing changed) keeps the default queue's workers busy.
            await DrainAsync(owner, cancellationToken);
            var fullRun = FullRecomputeAsync(owner, jobs, 2 * tenants, cancellationToken);
            var duringWatch = Stopwatch.StartNew();
            var during = await TargetedAsync(context, owner, [.. ids1.Skip(samples)], samples, cancellationToken);
            var duringTook = duringWatch.Elapsed;
            var fullTook = await fullRun;
            during.Sort();
            Console.WriteLine(
                $"targeted during a full recompute ({fullTook.TotalSeconds:F1} s; the {samples} samples took {duringTook.TotalSeconds:F1} s{(duringTook < fullTook ? ", all within it" : ", the last after it ended")}): " +
                $"p50 {Percentile(during, 0.5):F0} ms, p95 {Percentile(during, 0.95):F0} ms, max {during[^1]:F0} ms");
            return 0;
        }
        finally
        {
            await SetForceAsync(owner, force: true, CancellationToken.None);
        }
    }

    /// <summary>Waits until the service has published its outbox (the events of the last run), so that runs are timed on a quiet service.</summary>
    private static async Task DrainAsync(string owner, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var left = await UnsentAsync(owner, cancellationToken);
        while (left > 0 && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(1000, cancellationToken);
            left = await UnsentAsync(owner, cancellationToken);
        }

        Console.WriteLine($"  (outbox drained in {watch.Elapsed.TotalSeconds:F0} s; {left} left)");
    }

    private static async Task ClearScoresAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "TRUNCATE engagement_scores, score_history, alerts, tenant_recomputes, outbox_messages", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> UnsentAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The owner loads and checks data across tenants: row-level security stops forcing it for the run (the service's role is still bound by it).</summary>
    private static async Task SetForceAsync(string owner, bool force, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            DO $$ DECLARE t record; BEGIN
              FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' LOOP
                EXECUTE format('ALTER TABLE public.%I {(force ? "" : "NO ")}FORCE ROW LEVEL SECURITY', t.tablename);
              END LOOP;
            END $$;
            """,
            connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<TimeSpan> FullRecomputeAsync(string owner, BackgroundJobClient jobs, int expected, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        var start = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        jobs.Enqueue<RecomputeJobs>(j => j.RecomputeAllTenants(null));
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM tenant_recomputes WHERE computed_at >= @start", connection);
            command.Parameters.AddWithValue("start", start);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! >= expected)
            {
                return watch.Elapsed;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"The full recompute did not finish within 10 minutes ({expected} tenants expected).");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private sealed record Generated(Guid TenantId, Guid EngagementId, Guid SlaId);

    private static async Task<List<Generated>> GenerateAsync(string owner, int offset, int tenants, int perTenant, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(42 + offset);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var samples = new List<Generated>();
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        var tenantIds = Enumerable.Range(0, tenants).Select(_ => Guid.NewGuid()).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY tenants (tenant_id, settings, version) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in tenantIds)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, cancellationToken);
                await writer.WriteAsync(JsonSerializer.Serialize(Settings(offset + tenantIds.IndexOf(id)), Json), NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(1, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY tenant_directory (id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in tenantIds)
            {
                await writer.WriteRowAsync(cancellationToken, id);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var providers = await connection.BeginBinaryImportAsync("COPY providers (tenant_id, id, legal_name, hq_country, certifications, version) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var tenantId in tenantIds)
            {
                for (var p = 0; p < 50; p++)
                {
                    await providers.StartRowAsync(cancellationToken);
                    await providers.WriteAsync(tenantId, cancellationToken);
                    await providers.WriteAsync(ProviderId(tenantId, p), cancellationToken);
                    await providers.WriteAsync($"Provider {p}", cancellationToken);
                    await providers.WriteAsync(Countries[p % Countries.Length], cancellationToken);
                    await providers.WriteAsync(p % 3 == 0 ? "[]" : """[{"name":"ISO 27001","validUntil":null}]""", NpgsqlDbType.Jsonb, cancellationToken);
                    await providers.WriteAsync(1, cancellationToken);
                }
            }

            await providers.CompleteAsync(cancellationToken);
        }

        var engagements = new List<(Guid TenantId, Guid Id, Guid Sla, int Country)>();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY engagements (tenant_id, id, name, source_kind, provider_id, business_process, delivery_country, delivery_time_zone, delivery_languages, place_of_work, headcount, core, data_sensitivity, criticality, status, location_grade, contract, version) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var tenantId in tenantIds)
            {
                for (var e = 0; e < perTenant; e++)
                {
                    var id = Guid.NewGuid();
                    var p = random.Next(50);
                    var c = p % Countries.Length;
                    engagements.Add((tenantId, id, Guid.NewGuid(), c));
                    var contract = new ContractTerms
                    {
                        Start = today.AddYears(-1),
                        End = today.AddDays(random.Next(30, 1500)),
                        NoticePeriodDays = random.Next(30, 240),
                        AutoRenewal = random.Next(2) == 0,
                        PricingModel = "per-fte",
                        AnnualValue = random.Next(20, 2000) * 1000m,
                        Currency = Currencies[c],
                    };
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(tenantId, cancellationToken);
                    await writer.WriteAsync(id, cancellationToken);
                    await writer.WriteAsync($"Engagement {e}", cancellationToken);
                    await writer.WriteAsync(SourceKinds.Provider, cancellationToken);
                    await writer.WriteAsync(ProviderId(tenantId, p), cancellationToken);
                    await writer.WriteAsync(BusinessProcesses.All[random.Next(BusinessProcesses.All.Count)], cancellationToken);
                    await writer.WriteAsync(Countries[c], cancellationToken);
                    await writer.WriteAsync(Zones[c], cancellationToken);
                    await writer.WriteAsync(new List<string> { c == 9 ? "de" : "en" }, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync("provider-premises", cancellationToken);
                    await writer.WriteAsync(random.Next(5, 200), cancellationToken);
                    await writer.WriteAsync(random.Next(10) == 0, cancellationToken);
                    await writer.WriteAsync(random.Next(4) == 0 ? new List<string> { "personal", "financial" } : [], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(random.Next(10) switch { 0 => "critical", < 4 => "important", _ => "standard" }, cancellationToken);
                    await writer.WriteAsync("active", cancellationToken);
                    await writer.WriteAsync(Grades[c], cancellationToken);
                    await writer.WriteAsync(JsonSerializer.Serialize(contract, Json), NpgsqlDbType.Jsonb, cancellationToken);
                    await writer.WriteAsync(1, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY slas (tenant_id, id, engagement_id, metric, period, weight, status, version) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var e in engagements)
            {
                await writer.WriteRowAsync(cancellationToken, e.TenantId, e.Sla, e.Id, "First-contact resolution", "daily", 1m, "active", 1);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY sla_results (tenant_id, sla_id, period_start, period_end, engagement_id, value, target, met) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var e in engagements)
            {
                var missRate = random.NextDouble() * 0.4;
                for (var d = 1; d <= 90; d++)
                {
                    var day = today.AddDays(-d);
                    var missed = random.NextDouble() < missRate;
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(e.TenantId, cancellationToken);
                    await writer.WriteAsync(e.Sla, cancellationToken);
                    await writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(e.Id, cancellationToken);
                    await writer.WriteAsync(missed ? 60m + random.Next(20) : 80m + random.Next(20), cancellationToken);
                    await writer.WriteAsync(80m, cancellationToken);
                    await writer.WriteAsync(!missed, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        Console.WriteLine($"generated {tenants} tenants, {engagements.Count:N0} engagements, {engagements.Count * 90:N0} results in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var g in engagements.GroupBy(e => e.TenantId))
        {
            var first = g.First();
            samples.Add(new Generated(first.TenantId, first.Id, first.Sla));
        }

        return samples;
    }

    private static Guid ProviderId(Guid tenantId, int p)
    {
        var bytes = tenantId.ToByteArray();
        bytes[0] ^= (byte)p;
        bytes[15] ^= 0x5a;
        return new Guid(bytes);
    }

    private static TenantSettings Settings(int n) => new()
    {
        Name = $"Bench {n}",
        HqCountry = "US",
        ReportingCurrency = "USD",
        TimeZone = "America/New_York",
        WorkingLanguages = ["en"],
        RiskWeights = new RiskWeights(0.4m, 0.3m, 0.3m),
        BandThresholds = new BandThresholds(25m, 50m, 75m),
        PolicyChecks = new PolicyChecks(true, true, true, true, true, true),
        NotToOffshoreProcesses = [BusinessProcesses.Legal],
        CountryConcentrationThresholdPercent = 50m,
        Version = 1,
    };

    private static async Task<List<double>> TargetedAsync(BenchmarkContext context, string owner, List<Generated> targets, int samples, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host("127.0.0.1", (ushort)context.RabbitPort, "/", h =>
        {
            h.Username("guest");
            h.Password("guest");
        }));
        await bus.StartAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync(cancellationToken);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var latencies = new List<double>();
            foreach (var target in targets.Take(samples))
            {
                var before = await QualityAsync(connection, target.EngagementId, cancellationToken);
                var results = Enumerable.Range(1, 90).Select(d => today.AddDays(-d))
                    .Select(day => new SlaPeriodResult(target.SlaId, day, day, 10, 80, "at-least", false, 0.875m)).ToList();
                var watch = Stopwatch.StartNew();
                await bus.Publish(new SlaResultsRecorded { TenantId = target.TenantId, EngagementId = target.EngagementId, BatchId = Guid.NewGuid(), Results = results }, cancellationToken);
                while (await QualityAsync(connection, target.EngagementId, cancellationToken) == before)
                {
                    if (watch.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        throw new TimeoutException("The targeted recompute did not change the score within 30 s.");
                    }

                    await Task.Delay(10, cancellationToken);
                }

                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }

            return latencies;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<decimal?> QualityAsync(NpgsqlConnection connection, Guid engagementId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT quality FROM engagement_scores WHERE engagement_id = @id", connection);
        command.Parameters.AddWithValue("id", engagementId);
        return await command.ExecuteScalarAsync(cancellationToken) as decimal?;
    }
}
