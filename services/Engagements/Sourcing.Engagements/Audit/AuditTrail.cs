using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Auditing;

namespace Sourcing.Engagements.Audit;

/// <summary>
/// Writes audit rows (one per changed field, or one for a creation, deletion or termination) for the
/// subject's own history, and the same change once to the tenant-wide audit trail (AuditRecorded).
/// </summary>
public static class AuditTrail
{
    public const string Provider = "provider";
    public const string CaptiveCentre = "captive-centre";
    public const string Engagement = "engagement";

    private const string Service = "engagements";

    /// <summary>Records every field that differs between the snapshots and returns their names (empty when nothing changed).</summary>
    public static List<string> RecordChanges(
        EngagementsDb db, Guid tenantId, string subjectType, Guid subjectId, string action,
        IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, Actor actor, DateTimeOffset now)
    {
        var changes = AuditExtensions.Diff(before, after);
        foreach (var change in changes)
        {
            db.AuditEntries.Add(Entry(tenantId, subjectType, subjectId, action, actor, now, change.Field, change.OldValue, change.NewValue));
        }

        if (changes.Count > 0)
        {
            db.AddAudit(Service, tenantId, subjectType, subjectId.ToString(), SubjectName(after), action, actor, now, changes);
        }

        return changes.ConvertAll(c => c.Field);
    }

    public static void RecordEvent(
        EngagementsDb db, Guid tenantId, string subjectType, Guid subjectId, string? subjectName, string action, Actor actor, DateTimeOffset now)
    {
        db.AuditEntries.Add(Entry(tenantId, subjectType, subjectId, action, actor, now, null, null, null));
        db.AddAudit(Service, tenantId, subjectType, subjectId.ToString(), subjectName, action, actor, now);
    }

    /// <summary>What a person reads for the subject: an engagement's name, a provider's legal name, a centre's legal entity.</summary>
    private static string? SubjectName(IReadOnlyDictionary<string, string?> snapshot) =>
        snapshot.GetValueOrDefault("name") ?? snapshot.GetValueOrDefault("legalName") ?? snapshot.GetValueOrDefault("legalEntity");

    private static AuditEntry Entry(
        Guid tenantId, string subjectType, Guid subjectId, string action, Actor actor, DateTimeOffset now, string? field, string? old, string? value) => new()
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(now),
            SubjectType = subjectType,
            SubjectId = subjectId,
            Action = action,
            Field = field,
            OldValue = Truncate(old),
            NewValue = Truncate(value),
            ChangedBy = actor.Id,
            ChangedByName = actor.Name,
            ChangedAt = now,
        };

    private static string? Truncate(string? value) => value is { Length: > AuditExtensions.MaxValueLength } ? value[..AuditExtensions.MaxValueLength] : value;
}
