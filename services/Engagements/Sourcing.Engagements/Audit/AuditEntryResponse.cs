using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;

namespace Sourcing.Engagements.Audit;

public sealed record AuditEntryResponse(
    string Action, string? Field, string? OldValue, string? NewValue, string? ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt)
{
    /// <summary>The trail of one subject, newest first (at most the last 1,000 entries).</summary>
    public static async Task<IReadOnlyList<AuditEntryResponse>> ForAsync(EngagementsDb db, Guid subjectId, CancellationToken cancellationToken) =>
        await db.AuditEntries
            .Where(a => a.SubjectId == subjectId)
            .OrderByDescending(a => a.ChangedAt).ThenByDescending(a => a.Id)
            .Take(1000)
            .Select(a => new AuditEntryResponse(a.Action, a.Field, a.OldValue, a.NewValue, a.ChangedBy, a.ChangedByName, a.ChangedAt))
            .ToListAsync(cancellationToken);
}
