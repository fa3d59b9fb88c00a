using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scores;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Recompute;

/// <summary>What one tenant's recompute did.</summary>
public sealed record RecomputeOutcome(int Engagements, int Changed, int AlertsRaised, int AlertsResolved, TimeSpan Elapsed);

/// <summary>
/// Recomputes every score of one tenant, set-based: under a per-tenant advisory lock held by the
/// session (so two runs at once serialise and the second finds nothing to change), it loads the inputs in a few
/// queries, computes in memory, writes the scores with one COPY into a temporary table and three
/// statements from it, evaluates the alerts, and publishes RiskScoresChanged for the engagements
/// whose scores or band changed, all in one transaction.
/// </summary>
public sealed class TenantRecompute(RiskDb db, ITenantContext tenant, ReferenceData referenceData, TimeProvider clock)
{
    /// <summary>The advisory-lock key of a tenant's recompute, hashed with the tenant id (hashtextextended's seed).</summary>
    public const long LockKey = 727276;

    public async Task<RecomputeOutcome?> RunAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        tenant.Set(tenantId);

        // The tenant's lock is held by the session, not the recompute's transaction, so that the
        // pending row can be cleared in a transaction of its own before the long one starts: a
        // change arriving during the run then marks the tenant pending at once (and enqueues the
        // next run) instead of waiting for this run's commit behind the deleted row.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var locked = false;
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({tenantId.ToString()}, {LockKey}))", cancellationToken);
            locked = true;
            await using (var clear = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.PendingRecomputes.ExecuteDeleteAsync(cancellationToken);
                await clear.CommitAsync(cancellationToken);
            }

            return await RunLockedAsync(tenantId, started, cancellationToken);
        }
        finally
        {
            if (locked)
            {
                // Not cancellable: a pooled connection must not keep the lock. A broken connection
                // throws here, and the server released the lock with the session.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtextextended({tenantId.ToString()}, {LockKey}))", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<RecomputeOutcome?> RunLockedAsync(Guid tenantId, long started, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inputs = await LoadAsync(tenantId, cancellationToken);
        if (inputs is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var now = clock.GetUtcNow();
        var scores = TenantScoring.Compute(inputs);
        var previous = await db.Scores.AsNoTracking().ToDictionaryAsync(s => s.EngagementId, cancellationToken);
        var changed = await WriteScoresAsync(tenantId, scores, previous, now, cancellationToken);

        var open = await db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatuses.Resolved).ToListAsync(cancellationToken);
        var causes = AlertRules.Evaluate(
            inputs,
            scores,
            previous.ToDictionary(p => p.Key, p => p.Value.Band),
            open.Where(a => a.Kind == AlertKinds.BandRise).ToDictionary(a => (a.Subject, a.Kind), a => a.Baseline));
        var (raised, resolved) = await AlertWriter.ApplyAsync(db, tenantId, causes, open, now, cancellationToken);

        var elapsed = clock.GetElapsedTime(started);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO tenant_recomputes (tenant_id, computed_at, engagements, changed, alerts_raised, alerts_resolved, elapsed_milliseconds)
            VALUES ({tenantId}, {now}, {scores.Count}, {changed}, {raised}, {resolved}, {(int)elapsed.TotalMilliseconds})
            ON CONFLICT (tenant_id) DO UPDATE SET computed_at = excluded.computed_at, engagements = excluded.engagements, changed = excluded.changed,
              alerts_raised = excluded.alerts_raised, alerts_resolved = excluded.alerts_resolved, elapsed_milliseconds = excluded.elapsed_milliseconds
            """,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecomputeOutcome(scores.Count, changed, raised, resolved, elapsed);
    }

    /// <summary>
    /// The tenant's inputs as a recompute reads them, for computations that score a portfolio without writing (the
    /// strategy advisor). Call it inside the tenant's transaction; null when the tenant's settings have not arrived.
    /// </summary>
    public Task<TenantInputs?> LoadInputsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        tenant.Set(tenantId);
        return LoadAsync(tenantId, cancellationToken);
    }

    private async Task<TenantInputs?> LoadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var settings = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.Status != EngagementValues.Terminated).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var slas = await db.Slas.AsNoTracking().Where(s => s.Status != SlaStatuses.Retired).ToListAsync(cancellationToken);
        var overrides = await db.CountryOverrides.AsNoTracking().ToDictionaryAsync(
            o => o.Country,
            o => new CountryOverrideValues((double?)o.PoliticalStability, (double?)o.CurrencyRisk, (double?)o.CommunicationRisk),
            cancellationToken);
        var figures = await SlaWindowQuery.LoadAsync(
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            tenantId,
            today,
            settings.Settings.QualityScore.WindowDays,
            cancellationToken);
        var reference = await referenceData.GetAsync(cancellationToken);
        return new TenantInputs(
            tenantId,
            settings.Settings,
            today,
            engagements,
            providers,
            centres,
            slas,
            figures,
            overrides,
            reference,
            (a, b) => referenceData.Volatility(reference, a, b, today));
    }

    private async Task<int> WriteScoresAsync(
        Guid tenantId, IReadOnlyList<ComputedScores> scores, Dictionary<Guid, EngagementScore> previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync(
            """
            CREATE TEMP TABLE scores_in (
              engagement_id uuid, quality numeric(5,2), dependency numeric(5,2), geopolitical numeric(5,2),
              composite numeric(5,2), band text, cost numeric(20,2), breakdown jsonb, changed boolean, rewrite boolean) ON COMMIT DROP
            """,
            cancellationToken);
        var changed = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY scores_in (engagement_id, quality, dependency, geopolitical, composite, band, cost, breakdown, changed, rewrite) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var s in scores)
            {
                var quality = ToDecimal(s.Quality.Value);
                var dependency = ToDecimal(s.Dependency?.Value);
                var geopolitical = ToDecimal(s.Geopolitical.Value);
                var composite = ToDecimal(s.Composite);
                var before = previous.GetValueOrDefault(s.EngagementId);
                var isChanged = before is null || before.Quality != quality || before.Dependency != dependency
                    || before.Geopolitical != geopolitical || before.Composite != composite || before.Band != s.Band;
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(s.EngagementId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(writer, quality, cancellationToken);
                await WriteAsync(writer, dependency, cancellationToken);
                await WriteAsync(writer, geopolitical, cancellationToken);
                await WriteAsync(writer, composite, cancellationToken);
                if (s.Band is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(s.Band, NpgsqlDbType.Text, cancellationToken);
                }

                // A row is rewritten when a score, the band, the cost or the breakdown (a finding, an
                // input in a factor's words) changed; only a rewritten row's breakdown travels.
                // The failing policy checks join the findings, except where a score's own finding
                // already says the same (no SLA: "not monitored" explains the missing quality score).
                List<Finding> scoreFindings = [.. s.Quality.Findings, .. s.Dependency?.Findings ?? [], .. s.Geopolitical.Findings];
                List<Finding> policy = [.. s.Policy.Select(f => new Finding(f.Check, f.Message))];
                var breakdown = JsonSerializer.Serialize(
                    new ScoreBreakdown(
                        s.Quality.Factors,
                        s.Dependency?.Factors ?? [],
                        s.Geopolitical.Factors,
                        [.. scoreFindings, .. policy.Where(p => !scoreFindings.Any(f => f.Code == p.Code))],
                        policy),
                    JsonColumn.Options);
                var cost = s.Cost is { } c ? Math.Round((decimal)c, 2) : (decimal?)null;
                var previousBreakdown = before is null ? null : Parse(before.Breakdown);
                var rewrite = isChanged || before!.Cost != cost || (previousBreakdown is null ? "" : JsonSerializer.Serialize(previousBreakdown, JsonColumn.Options)) != breakdown;
                if (previousBreakdown?.Policy is not { } previousPolicy || !previousPolicy.SequenceEqual(policy))
                {
                    db.AddEvent(new PolicyFindingsChanged
                    {
                        TenantId = tenantId,
                        EngagementId = s.EngagementId,
                        Findings = [.. policy.Select(f => new PolicyFindingState(f.Code, f.Message))],
                        EvaluatedAt = now,
                    });
                }
                await WriteAsync(writer, cost, cancellationToken);
                if (rewrite)
                {
                    await writer.WriteAsync(breakdown, NpgsqlDbType.Jsonb, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }

                await writer.WriteAsync(isChanged, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(rewrite, NpgsqlDbType.Boolean, cancellationToken);
                if (isChanged)
                {
                    changed++;
                    db.AddEvent(new RiskScoresChanged
                    {
                        TenantId = tenantId,
                        EngagementId = s.EngagementId,
                        Quality = quality,
                        Dependency = dependency,
                        Geopolitical = geopolitical,
                        Composite = composite,
                        Band = s.Band,
                        PreviousBand = before?.Band,
                        ComputedAt = now,
                    });
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO engagement_scores (tenant_id, engagement_id, quality, dependency, geopolitical, composite, band, cost, computed_at, changed_at, breakdown)
            SELECT {tenantId}, engagement_id, quality, dependency, geopolitical, composite, band, cost, {now}, {now}, breakdown FROM scores_in WHERE rewrite
            ON CONFLICT (tenant_id, engagement_id) DO UPDATE SET
              quality = excluded.quality, dependency = excluded.dependency, geopolitical = excluded.geopolitical,
              composite = excluded.composite, band = excluded.band, cost = excluded.cost, computed_at = excluded.computed_at,
              breakdown = excluded.breakdown,
              changed_at = CASE WHEN (engagement_scores.quality, engagement_scores.dependency, engagement_scores.geopolitical, engagement_scores.composite, engagement_scores.band)
                                     IS DISTINCT FROM (excluded.quality, excluded.dependency, excluded.geopolitical, excluded.composite, excluded.band)
                                THEN excluded.changed_at ELSE engagement_scores.changed_at END
            """,
            cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO score_history (tenant_id, engagement_id, computed_at, quality, dependency, geopolitical, composite, band)
            SELECT {tenantId}, engagement_id, {now}, quality, dependency, geopolitical, composite, band FROM scores_in WHERE changed
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM engagement_scores s WHERE s.tenant_id = {tenantId} AND NOT EXISTS (SELECT 1 FROM scores_in i WHERE i.engagement_id = s.engagement_id)",
            cancellationToken);
        return changed;
    }

    /// <summary>The stored breakdown (serialized again, it reads as this serializer writes it: jsonb normalises spacing and key order); null when unreadable.</summary>
    private static ScoreBreakdown? Parse(string stored)
    {
        try
        {
            return JsonSerializer.Deserialize<ScoreBreakdown>(stored, JsonColumn.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static decimal? ToDecimal(double? value) => value is { } v ? Math.Round((decimal)v, 2) : null;

    private static Task WriteAsync(NpgsqlBinaryImporter writer, decimal? value, CancellationToken cancellationToken) =>
        value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}
