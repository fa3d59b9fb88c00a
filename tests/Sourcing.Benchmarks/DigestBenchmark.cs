using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sourcing.Testing;

namespace Sourcing.Benchmarks;

/// <summary>
/// Issue 16's figure: N subscribers (default 10,000) of one seeded tenant fall due at once; measured from
/// that instant until every digest is composed and queued (delivery rows) and until the SMTP sink has
/// accepted every e-mail (the dispatcher marks an e-mail sent on the server's 250), with the risk
/// service's memory. Every service runs as the README runs it; the subscriptions are written straight
/// into the risk database (as the run-time role, under row-level security) because making 10,000
/// members through the identity service is not what is measured. Goal: under 120 s on this machine.
/// Args: [subscribers, default 10000].
/// </summary>
public sealed class DigestBenchmark : IBenchmark
{
    public string Name => "digests";

    public string Description => "N subscribers [10000] due at once: time until every digest is queued and accepted by the SMTP sink (goal < 120 s)";

    public async Task<int> RunAsync(BenchmarkContext context, string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var services = new Dictionary<string, ServiceProcess>();
        try
        {
            await ProductRun.StartServicesAsync(context, services, cancellationToken);
            var client = new SourcingClient(services["Identity"].Url, services["Tenants"].Url, context.MailDev);
            var tenant = await client.SignUpAsync(
                "Benchmark Digests Ltd", "US", "USD", "America/New_York", "Dana Digest", $"digests-{Guid.NewGuid():N}@example.com", "Correct-Horse-42-Battery", cancellationToken);
            await ProductRun.SeedAsync(services, tenant.AccessToken, cancellationToken);

            var risk = context.ConnectionString("sourcing_risk", "sourcing_app");
            await InsertSubscriptionsAsync(risk, tenant.TenantId, count, cancellationToken);
            var before = await SentAsync(risk, tenant.TenantId, cancellationToken);
            Console.WriteLine($"{count:N0} subscriptions (scope all, band low and up, daily 08:00 in ten zones); load average before: {ProductRun.LoadAverage()}");

            // All fall due at the next whole minute (as 08:00 digests do), which is when the per-minute job looks.
            var now = DateTimeOffset.UtcNow;
            var dueAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(now.Second < 50 ? 1 : 2);
            await ExecuteAsync(
                risk, tenant.TenantId, $"UPDATE digest_subscriptions SET next_due_at = '{dueAt:O}', created_at = now() - interval '7 days', last_period_end = NULL", cancellationToken);
            Console.WriteLine($"all due at {dueAt:HH:mm:ss} UTC; waiting {(dueAt - DateTimeOffset.UtcNow).TotalSeconds:F0} s");
            await Task.Delay(dueAt - DateTimeOffset.UtcNow, cancellationToken);
            var watch = Stopwatch.StartNew();
            TimeSpan? queuedAt = null;
            var peakMiB = 0.0;
            var nextReport = TimeSpan.FromSeconds(10);
            while (true)
            {
                await Task.Delay(500, cancellationToken);
                peakMiB = Math.Max(peakMiB, services["Risk"].WorkingSetBytes / 1048576.0);
                var (queued, sent) = await SentAsync(risk, tenant.TenantId, cancellationToken);
                if (queuedAt is null && queued - before.Queued >= count)
                {
                    queuedAt = watch.Elapsed;
                }

                if (watch.Elapsed >= nextReport)
                {
                    Console.WriteLine($"{watch.Elapsed.TotalSeconds,6:F0} s: {queued - before.Queued,7:N0} queued, {sent - before.Sent,7:N0} accepted by the SMTP sink, risk {services["Risk"].WorkingSetBytes / 1048576.0:F0} MiB");
                    nextReport += TimeSpan.FromSeconds(10);
                }

                if (sent - before.Sent >= count)
                {
                    break;
                }

                if (watch.Elapsed > TimeSpan.FromMinutes(10))
                {
                    Console.WriteLine($"gave up after 10 minutes: {queued - before.Queued:N0} queued, {sent - before.Sent:N0} sent");
                    return 1;
                }
            }

            var total = watch.Elapsed;
            var inSink = await CountInSinkAsync(context.MailDev, cancellationToken);
            Console.WriteLine($"digests: {count:N0} due at once; all queued in {queuedAt?.TotalSeconds:F1} s; all accepted by the SMTP sink in {total.TotalSeconds:F1} s "
                + $"({count / total.TotalSeconds:F0} e-mails/s); the sink holds {inSink:N0} messages; risk service peak {peakMiB:F0} MiB; load average after: {ProductRun.LoadAverage()}");
            Console.WriteLine($"goal: under 120 s: {(total.TotalSeconds < 120 ? "met" : "NOT met")}");
            return 0;
        }
        finally
        {
            foreach (var service in services.Values.Reverse())
            {
                await service.DisposeAsync();
            }
        }
    }

    private static readonly string[] Zones = ["Europe/Berlin", "Asia/Manila", "America/New_York", "Asia/Kolkata", "UTC", "Europe/London", "America/Chicago", "Australia/Sydney", "Africa/Johannesburg", "America/Sao_Paulo"];

    private static async Task InsertSubscriptionsAsync(string connectionString, Guid tenantId, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SetTenantAsync(connection, tenantId, cancellationToken);
        // COPY is refused under row-level security, so the rows are generated by one INSERT ... SELECT.
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO digest_subscriptions (tenant_id, id, user_id, email, name, frequency, day_of_week, day_of_month, local_time,
                time_zone, min_band, scope, paused, send_empty, unsubscribe_nonce, created_at, next_due_at, version)
            SELECT @tenant, gen_random_uuid(), gen_random_uuid(), format('subscriber-%s@digests.example.com', lpad(i::text, 5, '0')),
                format('Subscriber %s', lpad(i::text, 5, '0')), 'daily', 1, 1, time '08:00', (@zones)[1 + i % cardinality(@zones)],
                'low', 'all', false, true, gen_random_uuid(), now(), now() + interval '1 year', 0
            FROM generate_series(0, @count - 1) AS i
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("tenant", tenantId);
            insert.Parameters.AddWithValue("zones", Zones);
            insert.Parameters.AddWithValue("count", count);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<(long Queued, long Sent)> SentAsync(string connectionString, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SetTenantAsync(connection, tenantId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(e.sent_at) FROM digest_deliveries d LEFT JOIN outgoing_emails e ON e.id = d.email_id", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task ExecuteAsync(string connectionString, Guid tenantId, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SetTenantAsync(connection, tenantId, cancellationToken);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SetTenantAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", connection);
        set.Parameters.AddWithValue("t", tenantId.ToString());
        await set.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<int> CountInSinkAsync(Uri mailDev, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.GetAsync(new Uri(mailDev, "api/email/summary"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return -1;
        }

        var summary = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return summary.ValueKind == JsonValueKind.Array ? summary.GetArrayLength()
            : summary.TryGetProperty("total", out var total) ? total.GetInt32() : -1;
    }
}
