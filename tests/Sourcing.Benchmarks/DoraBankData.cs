using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sourcing.Benchmarks;

/// <summary>The size of a generated bank tenant's register: contracts (ICT engagements), providers, functions per contract, functions in all.</summary>
public sealed record DoraBankSize(int Contracts, int Providers, int FunctionsPerContract, int FunctionPool)
{
    public int ContractFunctionRows => Contracts * FunctionsPerContract;

    /// <summary>Every fifth contract has one subcontractor (a B_05.02 row of rank 2 besides the provider's own).</summary>
    public int ChainRows => Contracts + (Contracts / 5);

    /// <summary>B_06.01 keeps each function once (identical rows are one row).</summary>
    public int FunctionRows => Math.Min(FunctionPool, ContractFunctionRows);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Contracts:N0} contracts, {Providers:N0} providers, {ContractFunctionRows:N0} contract x service x function rows ({FunctionsPerContract} functions each from {FunctionPool})");
}

/// <summary>
/// Writes a bank's register data straight into the engagements database, for the dora-export
/// benchmark: providers with valid LEIs (one in ten with a VAT number instead), their register
/// facts, in-force ICT engagements with contracts, and each engagement's register facts (functions,
/// assessment, every fifth with a subcontractor). Plain multi-row <c>INSERT ... SELECT</c> from
/// arrays, as the owner, in one transaction with <c>app.tenant_id</c> set, so the tables' forced
/// row-level security checks every row as it does for the service. No events are published: the
/// benchmark reads the register, nothing else needs to know these rows.
/// </summary>
public static class DoraBankData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Countries = ["DE", "IE", "FR", "NL", "LU", "AT", "PL", "ES", "IT", "BE"];

    private static readonly string[] Zones =
        ["Europe/Berlin", "Europe/Dublin", "Europe/Paris", "Europe/Amsterdam", "Europe/Luxembourg", "Europe/Vienna", "Europe/Warsaw", "Europe/Madrid", "Europe/Rome", "Europe/Brussels"];

    /// <summary>An ISO 17442 code: the 18 characters given and the two ISO 7064 MOD 97-10 check digits.</summary>
    public static string Lei(string first18)
    {
        if (first18.Length != 18 || !first18.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            throw new ArgumentException($"'{first18}' is not 18 upper-case letters or digits.", nameof(first18));
        }

        var remainder = 0;
        foreach (var c in first18 + "00")
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return $"{first18}{98 - remainder:00}";
    }

    /// <summary>Waits until the engagements service has stored the tenant (from the tenants service's TenantCreated).</summary>
    public static async Task WaitForTenantAsync(string owner, Guid tenantId, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT set_config('app.tenant_id', @t::text, true); SELECT count(*) FROM tenants WHERE tenant_id = @t", connection, transaction);
            command.Parameters.AddWithValue("t", tenantId);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                if (reader.GetInt64(0) == 1)
                {
                    return;
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"The engagements service did not learn tenant {tenantId} within 3 minutes.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public static async Task GenerateAsync(string owner, Guid tenantId, DoraBankSize size, CancellationToken cancellationToken)
    {
        var providerIds = Enumerable.Range(0, size.Providers).Select(_ => Guid.CreateVersion7()).ToArray();
        var providerLeis = Enumerable.Range(1, size.Providers).Select(i => Lei($"DORAPRV{i:D11}")).ToArray();
        var engagementIds = Enumerable.Range(0, size.Contracts).Select(_ => Guid.CreateVersion7()).ToArray();
        var functions = Enumerable.Range(1, size.FunctionPool).Select(Function).ToArray();

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection, transaction) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("t", tenantId);
        command.Parameters.AddWithValue("pids", providerIds);
        command.Parameters.AddWithValue("pleis", providerLeis);
        command.Parameters.AddWithValue("eids", engagementIds);
        command.Parameters.Add(new NpgsqlParameter("funcs", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = functions });
        command.Parameters.AddWithValue("f", size.FunctionsPerContract);
        command.Parameters.AddWithValue("countries", Countries);
        command.Parameters.AddWithValue("zones", Zones);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await using var analyze = new NpgsqlCommand("ANALYZE providers, engagements, register_provider_facts, register_engagement_facts", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The functions contracts support (B_06.01): every one assessed, one in three critical.</summary>
    private static string Function(int i) => JsonSerializer.Serialize(
        new
        {
            identifier = $"F-{i:D4}",
            name = $"Function {i:D4}",
            licensedActivity = $"eba_TA:x{20 + (i % 150)}",
            critical = i % 3 == 0 ? "eba_BT:x28" : "eba_BT:x29",
            criticalityReasons = i % 3 == 0 ? "Customers cannot be served without it" : null,
            assessedOn = "2026-03-31",
            rtoHours = i % 3 == 0 ? 4 : 24,
            rpoHours = i % 3 == 0 ? 1 : 4,
            impact = i % 3 == 0 ? "eba_ZZ:x793" : "eba_ZZ:x792",
        },
        Json);

    // One statement per table, all in the caller's transaction; app.tenant_id first, so that every
    // row passes the tables' WITH CHECK policies as the owner (row-level security is forced on it).
    private const string Sql = """
        SELECT set_config('app.tenant_id', @t::text, true);

        INSERT INTO providers (tenant_id, id, legal_name, hq_country, delivery_countries, certifications, lei, subcontractors, version, created_at, updated_at)
        SELECT @t, p.id, 'Provider ' || lpad(p.n::text, 5, '0') || ' GmbH', c.country, ARRAY[c.country], '[]'::jsonb,
               CASE WHEN p.n % 10 = 0 THEN NULL ELSE p.lei END, '[]'::jsonb, 1, now(), now()
        FROM unnest(@pids::uuid[], @pleis::text[]) WITH ORDINALITY AS p(id, lei, n),
             LATERAL (SELECT (@countries::text[])[1 + (p.n % cardinality(@countries::text[]))] AS country) c;

        INSERT INTO register_provider_facts (tenant_id, provider_id, other_code, other_code_type, person_type, intra_group)
        SELECT @t, p.id,
               CASE WHEN p.n % 10 = 0 THEN 'VAT' || lpad(p.n::text, 9, '0') END,
               CASE WHEN p.n % 10 = 0 THEN 'eba_qCO:qx2004' END,
               'eba_CT:x212', p.n % 100 = 1
        FROM unnest(@pids::uuid[]) WITH ORDINALITY AS p(id, n);

        INSERT INTO engagements (tenant_id, id, name, source_kind, provider_id, scope, business_process, delivery_country, delivery_time_zone,
                                 delivery_languages, place_of_work, headcount, core, data_sensitivity, criticality, status, contract_start, contract_end,
                                 notice_period_days, auto_renewal, pricing_model, annual_value, currency, business_functions, data_storage_countries,
                                 data_processing_countries, classification_kind, classification_label, location_grade, classification_reason,
                                 version, created_at, updated_at, renewal_decision)
        SELECT @t, e.id, 'Contract ' || lpad(e.n::text, 6, '0'), 'provider', (@pids::uuid[])[1 + ((e.n - 1) % cardinality(@pids::uuid[]))],
               'whole-process', 'it-services', c.country, c.zone, ARRAY['en'], 'provider-premises', 10 + (e.n % 90), false,
               CASE e.n % 3 WHEN 0 THEN ARRAY['financial', 'personal'] WHEN 1 THEN ARRAY['personal'] ELSE ARRAY[]::text[] END,
               CASE e.n % 10 WHEN 0 THEN 'critical' WHEN 1 THEN 'important' ELSE 'standard' END,
               'active', DATE '2025-01-01' + (e.n % 365)::int, DATE '2028-12-31', 90, false, 'fixed-fee', 50000 + ((e.n % 1000) * 1000), 'EUR',
               ARRAY[]::text[], ARRAY[c.country], ARRAY[c.country], 'outsourcing', 'outsourcing (domestic)', 'A',
               'generated by the dora-export benchmark', 1, now(), now(), 'undecided'
        FROM unnest(@eids::uuid[]) WITH ORDINALITY AS e(id, n),
             LATERAL (SELECT (@countries::text[])[1 + (e.n % 10)] AS country, (@zones::text[])[1 + (e.n % 10)] AS zone) c;

        INSERT INTO register_engagement_facts (tenant_id, engagement_id, contract_reference, arrangement_type, ict_service_type, provider_notice_period_days,
                                               governing_law_country, reliance, substitutability, non_substitutability_reason, exit_plan, reintegration,
                                               discontinuing_impact, alternatives_identified, alternative_providers, last_risk_assessment, last_audit,
                                               functions, chain)
        SELECT @t, e.id, 'C-' || lpad(e.n::text, 6, '0'), 'eba_CO:x1', 'eba_TA:S' || lpad((1 + (e.n % 19))::text, 2, '0'), 90,
               'DE', 'eba_ZZ:x797', CASE WHEN e.n % 4 = 0 THEN 'eba_ZZ:x960' ELSE 'eba_ZZ:x961' END, CASE WHEN e.n % 4 = 0 THEN 'eba_ZZ:x964' END,
               true, 'eba_ZZ:x966', 'eba_ZZ:x792', true, ARRAY['Alternative Provider SE'], DATE '2026-03-31',
               CASE WHEN e.n % 50 = 0 THEN NULL ELSE DATE '2026-05-15' END,
               (SELECT jsonb_agg((@funcs::jsonb[])[1 + ((((e.n - 1) * @f) + k) % cardinality(@funcs::jsonb[]))] ORDER BY k) FROM generate_series(0, @f - 1) AS k),
               CASE WHEN e.n % 5 = 0
                    THEN jsonb_build_array(jsonb_build_object('providerId', (@pids::uuid[])[1 + (e.n % cardinality(@pids::uuid[]))], 'rank', 2, 'recipientProviderId', NULL))
                    ELSE '[]'::jsonb END
        FROM unnest(@eids::uuid[]) WITH ORDINALITY AS e(id, n);
        """;
}
