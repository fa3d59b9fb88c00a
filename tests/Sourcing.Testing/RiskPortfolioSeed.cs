using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;

namespace Sourcing.Testing;

/// <summary>One generated engagement of a tenant, with its SLA: what a test or benchmark then changes or watches.</summary>
public sealed record RiskPortfolioSample(Guid TenantId, Guid EngagementId, Guid SlaId);

/// <summary>
/// Generates portfolios straight into the risk service's read model with COPY (as the owner role): per tenant
/// 50 providers in ten countries, the engagements (one daily SLA each, 90 days of results, a miss rate per
/// engagement). Deterministic for a seed. Shared by the recompute benchmark and the system tests that need a
/// recompute long enough to interrupt.
/// </summary>
public static class RiskPortfolioSeed
{
    private static readonly string[] Countries = ["PH", "IN", "PL", "MX", "US", "RO", "ZA", "BR", "MY", "DE"];
    private static readonly string[] Zones = ["Asia/Manila", "Asia/Kolkata", "Europe/Warsaw", "America/Mexico_City", "America/Chicago", "Europe/Bucharest", "Africa/Johannesburg", "America/Sao_Paulo", "Asia/Kuala_Lumpur", "Europe/Berlin"];
    private static readonly string[] Currencies = ["PHP", "INR", "PLN", "MXN", "USD", "RON", "ZAR", "BRL", "MYR", "EUR"];
    private static readonly string[] Grades = ["offshore", "offshore", "offshore", "onshore", "onshore", "offshore", "offshore", "offshore", "offshore", "offshore"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>New tenants (settings and directory rows included, numbered from <paramref name="offset"/>), each with <paramref name="perTenant"/> engagements; one sample per tenant.</summary>
    public static async Task<List<RiskPortfolioSample>> CopyNewTenantsAsync(
        string owner, int offset, int tenants, int perTenant, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
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

        return await CopyPortfolioAsync(connection, tenantIds, perTenant, 42 + offset, log, cancellationToken);
    }

    /// <summary>
    /// Portfolios for tenants the risk service already knows (their settings arrived by the usual events), while the
    /// service runs: in one transaction that lifts FORCE ROW LEVEL SECURITY from the tables it fills (PostgreSQL refuses
    /// COPY into a table whose policies apply to its writer) and sets it again, so no other session ever sees it lifted.
    /// </summary>
    public static async Task<List<RiskPortfolioSample>> CopyPortfolioAsync(
        string owner, IReadOnlyList<Guid> tenantIds, int perTenant, int seed, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        string[] tables = ["providers", "engagements", "slas", "sla_results"];
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lift = new NpgsqlCommand(string.Concat(tables.Select(t => $"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;")), connection, transaction))
        {
            await lift.ExecuteNonQueryAsync(cancellationToken);
        }

        var samples = await CopyPortfolioAsync(connection, tenantIds, perTenant, seed, log, cancellationToken);
        await using (var force = new NpgsqlCommand(string.Concat(tables.Select(t => $"ALTER TABLE {t} FORCE ROW LEVEL SECURITY;")), connection, transaction))
        {
            await force.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return samples;
    }

    private static async Task<List<RiskPortfolioSample>> CopyPortfolioAsync(
        NpgsqlConnection connection, IReadOnlyList<Guid> tenantIds, int perTenant, int seed, Action<string>? log, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var samples = new List<RiskPortfolioSample>();
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

        log?.Invoke($"generated {tenantIds.Count} tenant(s), {engagements.Count:N0} engagements, {engagements.Count * 90:N0} results in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var g in engagements.GroupBy(e => e.TenantId))
        {
            var first = g.First();
            samples.Add(new RiskPortfolioSample(first.TenantId, first.Id, first.Sla));
        }

        return samples;
    }

    /// <summary>The id of a tenant's generated provider number <paramref name="p"/> (0-49).</summary>
    public static Guid ProviderId(Guid tenantId, int p)
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
}
