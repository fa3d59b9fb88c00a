using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Import;

/// <summary>
/// Writes an import's progress in a unit of work of its own (its own scope, connection and
/// transaction), so that it is visible to a poll while the import's own transaction is still open.
/// </summary>
public sealed class ImportProgress(IServiceScopeFactory scopes)
{
    public async Task SaveAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(job.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<EngagementsDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == job.Id, cancellationToken);
        if (row is null)
        {
            row = new ImportJob { TenantId = job.TenantId, Id = job.Id };
            db.ImportJobs.Add(row);
        }

        row.Kind = job.Kind;
        row.DryRun = job.DryRun;
        row.Status = job.Status;
        row.Phase = job.Phase;
        row.SizeBytes = job.SizeBytes;
        row.TotalRows = job.TotalRows;
        row.ProcessedRows = job.ProcessedRows;
        row.Created = job.Created;
        row.Updated = job.Updated;
        row.ErrorCount = job.ErrorCount;
        row.StartedBy = job.StartedBy;
        row.StartedAt = job.StartedAt;
        row.FinishedAt = job.FinishedAt;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
