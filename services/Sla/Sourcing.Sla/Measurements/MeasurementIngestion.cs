using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;
using Sourcing.Sla.Data;
using Sourcing.Sla.Definitions;
using Sourcing.Sla.Engagements;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// Ingests one batch of measurements for one engagement, inside the request's tenant transaction:
/// rows stream from the upload through validation into a temporary staging table by binary COPY
/// (never the whole upload in memory), then one set-based merge writes only the periods whose
/// value is new or different, and the events are built in SQL from what changed: one
/// SlaResultsRecorded for the engagement and one SlaBreached per SLA with breaches (each split
/// into parts of <see cref="EventPartSize"/> results, so no message outgrows the broker). Any bad
/// row rejects the batch: nothing is written.
/// </summary>
public sealed partial class MeasurementIngestion(
    SlaDb db, ITenantContext tenant, TimeProvider clock, IOptions<IngestionOptions> options, ILogger<MeasurementIngestion> logger)
{
    /// <summary>Results per event message; a batch larger than this publishes several parts with the same batch id.</summary>
    public const int EventPartSize = 1_000;

    /// <summary>The advisory-lock key of an engagement's batches, hashed with the engagement id (hashtextextended's seed).</summary>
    public const long LockKey = 727;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IngestionOutcome> IngestAsync(
        KnownEngagement engagement, IAsyncEnumerable<RawMeasurement> rows, RowNaming naming, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var tenantId = tenant.RequiredTenantId;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Measurements are ingested inside the request's tenant transaction.");
        }

        // Batches of one engagement take turns (its SLAs, hence its measurements' keys, are its own), so
        // that the merge may insert without ON CONFLICT when nothing it writes exists yet.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ExecuteAsync(
            connection,
            "SELECT pg_advisory_xact_lock(hashtextextended(@engagement::text, @key))",
            [new("engagement", NpgsqlDbType.Uuid) { Value = engagement.Id }, new("key", NpgsqlDbType.Bigint) { Value = LockKey }],
            cancellationToken);
        var slas = await db.Slas.AsNoTracking()
            .Where(s => s.EngagementId == engagement.Id)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var validator = new MeasurementRowValidator(engagement, slas, today);
        var ranges = new Dictionary<Guid, (DateOnly First, DateOnly Last)>();

        await ExecuteAsync(connection, """
            CREATE TEMP TABLE sla_staging (
              position bigint NOT NULL, sla_id uuid NOT NULL, period_start date NOT NULL, period_end date NOT NULL,
              value numeric NOT NULL, met boolean NOT NULL, relative_shortfall numeric NOT NULL) ON COMMIT DROP;
            SET LOCAL work_mem = '128MB';
            """, [], cancellationToken);

        var watch = Stopwatch.StartNew();
        var errors = new ValidationErrors();
        long count = 0, badRows = 0;
        var completed = false;
        var importer = await connection.BeginBinaryImportAsync(
            "COPY sla_staging (position, sla_id, period_start, period_end, value, met, relative_shortfall) FROM STDIN (FORMAT BINARY)", cancellationToken);
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (++count > limits.MaxRows)
                {
                    return new IngestionOutcome(null, null, $"The upload holds more than {limits.MaxRows} rows; split it into batches of at most {limits.MaxRows}.");
                }

                var problems = validator.Validate(row, out var staged);
                if (problems is not null)
                {
                    if (++badRows <= limits.MaxReportedErrors)
                    {
                        foreach (var (field, rule) in problems)
                        {
                            errors.Add(RowNames.Of(naming, row.Position, field), rule);
                        }
                    }

                    continue;
                }

                if (badRows > 0)
                {
                    continue; // the batch is rejected: keep reading only to report every bad row
                }

                // Synchronous writes: the importer buffers them, and a Task per field would cost more than the rare flush.
                importer.StartRow();
                importer.Write(staged.Position, NpgsqlDbType.Bigint);
                importer.Write(staged.SlaId, NpgsqlDbType.Uuid);
                importer.Write(staged.Period.Start, NpgsqlDbType.Date);
                importer.Write(staged.Period.End, NpgsqlDbType.Date);
                importer.Write(staged.Value, NpgsqlDbType.Numeric);
                importer.Write(staged.Met, NpgsqlDbType.Boolean);
                importer.Write(staged.RelativeShortfall, NpgsqlDbType.Numeric);
                ranges[staged.SlaId] = ranges.TryGetValue(staged.SlaId, out var range)
                    ? (range.First < staged.Period.Start ? range.First : staged.Period.Start, range.Last > staged.Period.Start ? range.Last : staged.Period.Start)
                    : (staged.Period.Start, staged.Period.Start);
            }

            if (badRows == 0 && count > 0)
            {
                await importer.CompleteAsync(cancellationToken);
                completed = true;
            }
        }
        catch (MalformedUploadException ex)
        {
            errors.Add(ex.Field, ex.Rule);
            return new IngestionOutcome(null, errors, null);
        }
        finally
        {
            await CloseAsync(importer, completed);
        }

        if (badRows > 0)
        {
            if (badRows > limits.MaxReportedErrors)
            {
                errors.Add("rows", $"{badRows} rows are invalid; the first {limits.MaxReportedErrors} are listed. Nothing was written.");
            }

            return new IngestionOutcome(null, errors, null);
        }

        if (count == 0)
        {
            errors.Add(naming == RowNaming.Csv ? "line 2" : "body", "the upload holds no measurements.");
            return new IngestionOutcome(null, errors, null);
        }

        var stagedTime = watch.Elapsed;

        // A batch that overlaps stored periods is checked for repeated periods first (ON CONFLICT
        // would otherwise let some through); one that does not goes straight to a plain insert, where
        // a repeated period can only be a unique violation, and is looked for then.
        var overlaps = await OverlapsAsync(connection, tenantId, ranges, cancellationToken);
        if (overlaps && await FindDuplicatesAsync(connection, naming, errors, limits.MaxReportedErrors, cancellationToken))
        {
            return new IngestionOutcome(null, errors, null);
        }

        var checkedAt = watch.Elapsed;
        var standings = await StandingsAsync(connection, tenantId, engagement, slas, ranges, cancellationToken);
        var batchId = Guid.CreateVersion7();
        IngestionResult result;
        await ExecuteAsync(connection, "SAVEPOINT sla_merge", [], cancellationToken);
        try
        {
            result = await MergeAsync(connection, tenantId, engagement.Id, batchId, now, count, overlaps, standings, cancellationToken);
        }
        catch (PostgresException ex) when (!overlaps && ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT sla_merge", [], cancellationToken);
            await FindDuplicatesAsync(connection, naming, errors, limits.MaxReportedErrors, cancellationToken);
            return new IngestionOutcome(null, errors, null);
        }

        // The merge wrote the events into the outbox itself: wake the dispatcher at the commit.
        db.OutboxWrittenBySql();
        LogIngested(logger, count, engagement.Id, watch.ElapsedMilliseconds, (long)stagedTime.TotalMilliseconds, (long)(checkedAt - stagedTime).TotalMilliseconds,
            (long)(watch.Elapsed - checkedAt).TotalMilliseconds);
        return new IngestionOutcome(result, null, null);
    }

    private static async Task<bool> FindDuplicatesAsync(
        NpgsqlConnection connection, RowNaming naming, ValidationErrors errors, int max, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT p[1], p[2] FROM (
              SELECT array_agg(position ORDER BY position) AS p FROM sla_staging
              GROUP BY sla_id, period_start HAVING count(*) > 1) d
            ORDER BY p[2] LIMIT @max
            """,
            connection);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            found = true;
            var first = reader.GetInt64(0);
            var second = reader.GetInt64(1);
            errors.Add(
                RowNames.Of(naming, second, "period"),
                $"is the same SLA and period as {RowNames.Of(naming, first, null)}: send each period once per batch.");
        }

        return found;
    }

    /// <summary>Whether any stored measurement falls in the range of periods the batch sends for its SLA.</summary>
    private static async Task<bool> OverlapsAsync(
        NpgsqlConnection connection, Guid tenantId, Dictionary<Guid, (DateOnly First, DateOnly Last)> ranges, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT EXISTS (
              SELECT 1 FROM unnest(@slas, @firsts, @lasts) AS r(sla_id, first_period, last_period)
              JOIN measurements m ON m.tenant_id = @tenant AND m.sla_id = r.sla_id AND m.period_start BETWEEN r.first_period AND r.last_period)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter("slas", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ranges.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("firsts", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = ranges.Values.Select(r => r.First).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("lasts", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = ranges.Values.Select(r => r.Last).ToArray() });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Where each SLA of the batch will stand once it is merged (SlaStaleness), from its latest
    /// stored period and the batch's latest: periods are only ever added, so the later of the two is
    /// the latest after the merge. One index probe per SLA.
    /// </summary>
    private static async Task<string> StandingsAsync(
        NpgsqlConnection connection,
        Guid tenantId,
        KnownEngagement engagement,
        Dictionary<Guid, SlaDefinition> slas,
        Dictionary<Guid, (DateOnly First, DateOnly Last)> ranges,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT s.id, (SELECT max(m.period_start) FROM measurements m WHERE m.tenant_id = @tenant AND m.sla_id = s.id)
            FROM unnest(@slas) AS s(id)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter("slas", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ranges.Keys.ToArray() });
        var standings = new List<SlaStanding>(ranges.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var slaId = reader.GetGuid(0);
                var latest = ranges[slaId].Last;
                if (!reader.IsDBNull(1) && reader.GetFieldValue<DateOnly>(1) is var stored && stored > latest)
                {
                    latest = stored;
                }

                standings.Add(new SlaStanding(slaId, latest, SlaStaleness.StaleFrom(slas[slaId].Period, latest, engagement.ContractStart)));
            }
        }

        return JsonSerializer.Serialize(standings, Json);
    }

    private static async Task<IngestionResult> MergeAsync(
        NpgsqlConnection connection,
        Guid tenantId,
        Guid engagementId,
        Guid batchId,
        DateTimeOffset now,
        long rows,
        bool overlaps,
        string standings,
        CancellationToken cancellationToken)
    {
        NpgsqlParameter[] Parameters() =>
        [
            new("tenant", NpgsqlDbType.Uuid) { Value = tenantId },
            new("engagement", NpgsqlDbType.Uuid) { Value = engagementId },
            new("batch", NpgsqlDbType.Uuid) { Value = batchId },
            new("now", NpgsqlDbType.TimestampTz) { Value = now },
            new("part", NpgsqlDbType.Integer) { Value = EventPartSize },
            new("standings", NpgsqlDbType.Jsonb) { Value = standings },
            new("resultsType", NpgsqlDbType.Text) { Value = OutboxExtensions.EventTypeName<SlaResultsRecorded>() },
            new("breachedType", NpgsqlDbType.Text) { Value = OutboxExtensions.EventTypeName<SlaBreached>() },
        ];

        // One statement: only a new period or a different value is written (numeric comparison:
        // 99.5 = 99.50); what was written (xmax <> 0: it replaced a row) feeds the events, built in
        // SQL so that the results never travel through this process. When no stored period falls in
        // the batch's ranges (a first load, or a feed of new periods) a plain insert does the same
        // work faster: the engagement's lock keeps any other batch from adding those periods meanwhile.
        // The results' JSON is concatenated text (every part is a uuid, a date, a number, a boolean or
        // one of our own words, none needing escapes): several times faster than jsonb_build_object.
        var conflict = overlaps
            ? """
              ON CONFLICT (tenant_id, sla_id, period_start) DO UPDATE
                SET value = EXCLUDED.value, target = EXCLUDED.target, direction = EXCLUDED.direction, met = EXCLUDED.met,
                    relative_shortfall = EXCLUDED.relative_shortfall,
                    period_end = EXCLUDED.period_end, recorded_at = EXCLUDED.recorded_at, batch_id = EXCLUDED.batch_id
                WHERE m.value IS DISTINCT FROM EXCLUDED.value
              """
            : "";
        await using var merge = new NpgsqlCommand(
            $$"""
            WITH up AS (
              INSERT INTO measurements AS m
                (tenant_id, sla_id, period_start, period_end, engagement_id, value, target, direction, met, relative_shortfall, recorded_at, batch_id)
              SELECT @tenant, s.sla_id, s.period_start, s.period_end, @engagement, s.value, d.target, d.direction, s.met, s.relative_shortfall, @now, @batch
              FROM sla_staging s JOIN slas d ON d.tenant_id = @tenant AND d.id = s.sla_id
              {{conflict}}
              RETURNING m.sla_id, m.period_start, m.period_end, m.value, m.target, m.direction, m.met, m.relative_shortfall, m.xmax::text <> '0' AS replaced
            ),
            results AS (
              INSERT INTO outbox_messages (id, tenant_id, message_type, payload, occurred_at, attempts)
              SELECT p.id, @tenant, @resultsType,
                     jsonb_build_object('eventId', p.id, 'tenantId', @tenant, 'occurredAt', @now,
                                        'engagementId', @engagement, 'batchId', @batch, 'results', p.results, 'standings', @standings),
                     @now, 0
              FROM (
                SELECT gen_random_uuid() AS id, part, {{ResultsJson}} AS results
                FROM (SELECT up.*, (row_number() OVER () - 1) / @part AS part FROM up) n
                GROUP BY part
              ) p
              ORDER BY p.part
              RETURNING 1
            ),
            breaches AS (
              INSERT INTO outbox_messages (id, tenant_id, message_type, payload, occurred_at, attempts)
              SELECT p.id, @tenant, @breachedType,
                     jsonb_build_object('eventId', p.id, 'tenantId', @tenant, 'occurredAt', @now, 'engagementId', @engagement,
                                        'slaId', p.sla_id, 'batchId', @batch, 'metric', d.metric, 'breaches', p.breaches),
                     @now, 0
              FROM (
                SELECT gen_random_uuid() AS id, sla_id, part, {{ResultsJson}} AS breaches
                FROM (SELECT up.*, (row_number() OVER (PARTITION BY sla_id ORDER BY period_start) - 1) / @part AS part
                      FROM up WHERE NOT up.met) n
                GROUP BY sla_id, part
              ) p
              JOIN slas d ON d.tenant_id = @tenant AND d.id = p.sla_id
              ORDER BY p.sla_id, p.part
              RETURNING 1
            )
            SELECT count(*), count(*) FILTER (WHERE replaced), count(*) FILTER (WHERE NOT met),
                   (SELECT count(*) FROM results) + (SELECT count(*) FROM breaches)
            FROM up
            """,
            connection);
        merge.Parameters.AddRange(Parameters());
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var changed = reader.GetInt64(0);
        var replaced = reader.GetInt64(1);
        var breaches = reader.GetInt64(2);
        return new IngestionResult(batchId, rows, changed - replaced, replaced, rows - changed, breaches);
    }

    /// <summary>A JSON array of SlaPeriodResult (camelCase, as System.Text.Json's web defaults read it) aggregated over the group's rows.</summary>
    private const string ResultsJson = """
        ('[' || string_agg('{"slaId":"' || sla_id || '","periodStart":"' || to_char(period_start, 'YYYY-MM-DD') || '","periodEnd":"' || to_char(period_end, 'YYYY-MM-DD')
            || '","value":' || value || ',"target":' || target || ',"direction":"' || direction || '","met":' || met
            || ',"relativeShortfall":' || relative_shortfall || '}', ',' ORDER BY sla_id, period_start) || ']')::jsonb
        """;

    private static async Task CloseAsync(NpgsqlBinaryImporter importer, bool completed)
    {
        try
        {
            await importer.DisposeAsync();
        }
        catch (PostgresException) when (!completed)
        {
            // Disposing an unfinished COPY cancels it; the server's refusal is the expected answer.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingested {Rows} measurement rows for engagement {EngagementId} in {TotalMs} ms: read, validated and staged {StagedMs} ms, overlap and duplicate checks {CheckMs} ms, merge and events {MergeMs} ms")]
    private static partial void LogIngested(ILogger logger, long rows, Guid engagementId, long totalMs, long stagedMs, long checkMs, long mergeMs);
}
