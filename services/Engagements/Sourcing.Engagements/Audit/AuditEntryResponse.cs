using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Http;

namespace Sourcing.Engagements.Audit;

public sealed record AuditEntryResponse(
    string Action, string? Field, string? OldValue, string? NewValue, string? ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt)
{
    /// <summary>The trail of one subject, newest first, a page at a time.</summary>
    public static Task<Page<AuditEntryResponse>> ForAsync(EngagementsDb db, Guid subjectId, int? page, int? pageSize, CancellationToken cancellationToken) =>
        db.AuditEntries
            .Where(a => a.SubjectId == subjectId)
            .OrderByDescending(a => a.ChangedAt).ThenByDescending(a => a.Id)
            .Select(a => new AuditEntryResponse(a.Action, a.Field, a.OldValue, a.NewValue, a.ChangedBy, a.ChangedByName, a.ChangedAt))
            .ToPageAsync(page, pageSize, cancellationToken);
}
