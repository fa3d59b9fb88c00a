using System.Security.Claims;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Audit;

/// <summary>Who made a change: the token's subject and name (an API client has a subject and no name); null for the system.</summary>
public sealed record Actor(string? Id, string? Name)
{
    public static readonly Actor System = new(null, "system");

    public static Actor From(ClaimsPrincipal user) =>
        new(user.FindFirst(TenantClaims.Subject)?.Value ?? user.FindFirst("client_id")?.Value,
            user.FindFirst(TenantClaims.Name)?.Value ?? user.FindFirst("client_id")?.Value);
}

/// <summary>Writes audit rows: one per changed field, or one for a creation, deletion or termination.</summary>
public static class AuditTrail
{
    public const string Provider = "provider";
    public const string CaptiveCentre = "captive-centre";
    public const string Engagement = "engagement";

    /// <summary>Records every field that differs between the snapshots and returns their names (empty when nothing changed).</summary>
    public static List<string> RecordChanges(
        EngagementsDb db, Guid tenantId, string subjectType, Guid subjectId, string action,
        IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, Actor actor, DateTimeOffset now)
    {
        var changed = new List<string>();
        foreach (var (field, value) in after)
        {
            var old = before.GetValueOrDefault(field);
            if (string.Equals(old, value, StringComparison.Ordinal))
            {
                continue;
            }

            changed.Add(field);
            db.AuditEntries.Add(Entry(tenantId, subjectType, subjectId, action, actor, now, field, old, value));
        }

        return changed;
    }

    public static void RecordEvent(EngagementsDb db, Guid tenantId, string subjectType, Guid subjectId, string action, Actor actor, DateTimeOffset now) =>
        db.AuditEntries.Add(Entry(tenantId, subjectType, subjectId, action, actor, now, null, null, null));

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

    private static string? Truncate(string? value) => value is { Length: > 4000 } ? value[..4000] : value;
}
