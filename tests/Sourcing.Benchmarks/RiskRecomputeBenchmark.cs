using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.Risk.Recompute;
using Sourcing.Testing;

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

            var ids1 = await RiskPortfolioSeed.CopyNewTenantsAsync(owner, 0, tenants, perTenant, Console.WriteLine, cancellationToken);
            var first = await FullRecomputeAsync(owner, jobs, tenants, cancellationToken);
            await DrainAsync(owner, cancellationToken);
            var again = await FullRecomputeAsync(owner, jobs, tenants, cancellationToken);
            Console.WriteLine($"1x: {tenants} tenants x {perTenant} engagements ({tenants * perTenant * 90:N0} results): full recompute {first.TotalSeconds:F1} s (every score new), {again.TotalSeconds:F1} s (nothing changed)");

            // 2x: twice the tenants; the scores, alerts and events of the 1x runs are cleared so that
            // the first 2x run computes and writes every score anew, like the first 1x run.
            await RiskPortfolioSeed.CopyNewTenantsAsync(owner, tenants, tenants, perTenant, Console.WriteLine, cancellationToken);
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

    private static async Task<List<double>> TargetedAsync(BenchmarkContext context, string owner, List<RiskPortfolioSample> targets, int samples, CancellationToken cancellationToken)
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
