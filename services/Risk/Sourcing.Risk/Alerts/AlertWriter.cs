using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.ServiceDefaults.Messaging;

namespace Sourcing.Risk.Alerts;

/// <summary>
/// Opens an alert for each present cause that has none (one INSERT ... ON CONFLICT DO NOTHING on
/// the unique partial index, so a concurrent evaluation cannot double it) and resolves the open or
/// acknowledged alerts whose cause went away (one UPDATE); each change publishes its event.
/// </summary>
internal static class AlertWriter
{
    public static async Task<(int Raised, int Resolved)> ApplyAsync(
        RiskDb db, Guid tenantId, IReadOnlyList<AlertCause> causes, IReadOnlyList<Alert> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var present = causes.GroupBy(c => (c.Subject, c.Kind)).ToDictionary(g => g.Key, g => g.First());
        var openKeys = open.Select(a => (a.Subject, a.Kind)).ToHashSet();
        var fresh = present.Values.Where(c => !openKeys.Contains((c.Subject, c.Kind))).ToList();
        var raised = 0;
        if (fresh.Count > 0)
        {
            var ids = fresh.Select(_ => Guid.CreateVersion7(now)).ToArray();
            var inserted = await ReadIdsAsync(db,
                """
                INSERT INTO alerts (tenant_id, id, subject, kind, engagement_id, severity, message, baseline, status, raised_at)
                SELECT @tenant, a.id, a.subject, a.kind, a.engagement_id, a.severity, a.message, a.baseline, 'open', @now
                FROM unnest(@ids, @subjects, @kinds, @engagements, @severities, @messages, @baselines)
                  AS a(id, subject, kind, engagement_id, severity, message, baseline)
                ON CONFLICT (tenant_id, subject, kind) WHERE status <> 'resolved' DO NOTHING
                RETURNING id
                """,
                cancellationToken,
                new NpgsqlParameter("tenant", tenantId),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("ids", ids),
                new NpgsqlParameter("subjects", fresh.Select(c => c.Subject).ToArray()),
                new NpgsqlParameter("kinds", fresh.Select(c => c.Kind).ToArray()),
                new NpgsqlParameter("engagements", fresh.Select(c => c.EngagementId).ToArray()),
                new NpgsqlParameter("severities", fresh.Select(c => c.Severity).ToArray()),
                new NpgsqlParameter("messages", fresh.Select(c => c.Message).ToArray()),
                new NpgsqlParameter("baselines", fresh.Select(c => c.Baseline).ToArray()));
            var insertedSet = inserted.ToHashSet();
            var critical = fresh.Select((c, i) => (c, Id: ids[i])).Where(x => insertedSet.Contains(x.Id) && x.c.Severity == Scoring.Bands.Critical).Select(x => x.Id).ToArray();
            if (critical.Length > 0)
            {
                // Critical alerts are mailed at once (Digests/CriticalAlertMailer): queued with the alert, in its transaction.
                await ReadIdsAsync(db,
                    """
                    INSERT INTO alert_mails (tenant_id, alert_id, raised_at) SELECT @tenant, id, @now FROM unnest(@ids) AS a(id);
                    INSERT INTO alert_mail_windows (id, opened_at) VALUES (@tenant, @now) ON CONFLICT (id) DO NOTHING;
                    """,
                    cancellationToken,
                    new NpgsqlParameter("tenant", tenantId),
                    new NpgsqlParameter("now", now),
                    new NpgsqlParameter("ids", critical));
            }

            for (var i = 0; i < fresh.Count; i++)
            {
                if (!insertedSet.Contains(ids[i]))
                {
                    continue;
                }

                raised++;
                var c = fresh[i];
                db.AddEvent(new RiskAlertRaised
                {
                    TenantId = tenantId,
                    AlertId = ids[i],
                    Subject = c.Subject,
                    EngagementId = c.EngagementId,
                    Kind = c.Kind,
                    Severity = c.Severity,
                    Message = c.Message,
                });
            }
        }

        var gone = open.Where(a => !present.ContainsKey((a.Subject, a.Kind))).ToList();
        var resolved = 0;
        if (gone.Count > 0)
        {
            var done = await ReadIdsAsync(db,
                """
                UPDATE alerts SET status = 'resolved', resolved_at = @now, resolved_by = 'automatic'
                WHERE tenant_id = @tenant AND id = ANY(@ids) AND status <> 'resolved'
                RETURNING id
                """,
                cancellationToken,
                new NpgsqlParameter("tenant", tenantId),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("ids", gone.Select(a => a.Id).ToArray()));
            var doneSet = done.ToHashSet();
            foreach (var alert in gone.Where(a => doneSet.Contains(a.Id)))
            {
                resolved++;
                db.AddEvent(new RiskAlertResolved
                {
                    TenantId = tenantId,
                    AlertId = alert.Id,
                    Subject = alert.Subject,
                    EngagementId = alert.EngagementId,
                    Kind = alert.Kind,
                    ResolvedBy = "automatic",
                });
            }
        }

        return (raised, resolved);
    }

    /// <summary>Runs a statement with RETURNING id on the unit of work's connection and transaction.</summary>
    private static async Task<List<Guid>> ReadIdsAsync(RiskDb db, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(
            sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.AddRange(parameters);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
