using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sourcing.Risk.Data;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// The debounce of targeted recomputes: a change marks its tenant pending (one row per tenant) in
/// its own transaction; only the change that created the row enqueues a job, after its commit.
/// The job removes the row when it starts (once it holds the tenant's lock, in a transaction of its
/// own), so a change during the run enqueues the next one without waiting for the run to commit.
/// </summary>
public static class RecomputeRequests
{
    /// <summary>Marks the tenant (@tenant) pending; answers true when it created the row.</summary>
    public const string MarkPendingSql = """
        INSERT INTO pending_recomputes (tenant_id, requested_at) VALUES (@tenant, now())
        ON CONFLICT (tenant_id) DO UPDATE SET requested_at = now()
        RETURNING (xmax = 0)
        """;

    /// <summary>Marks the tenant pending; true when no recompute was pending yet (the caller then enqueues one after commit).</summary>
    public static async Task<bool> MarkPendingAsync(RiskDb db, Guid tenantId, CancellationToken cancellationToken)
    {
        // Runs on the unit of work's connection and transaction (row-level security sees the tenant).
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = MarkPendingSql;
        command.Parameters.Add(new Npgsql.NpgsqlParameter("tenant", tenantId));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public static void Enqueue(IBackgroundJobClient jobs, Guid tenantId, string reason) =>
        jobs.Enqueue<RecomputeJobs>(JobQueues.Changes, j => j.RecomputeTenant(tenantId, reason, null));
}
