using System.Text.Json;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Messaging;

namespace Sourcing.ServiceDefaults.Auditing;

/// <summary>Every service's one way into the tenant-wide audit trail: an AuditRecorded event in the change's own transaction.</summary>
public static class AuditExtensions
{
    /// <summary>The longest value kept per field; longer values are cut (an audit row is for people to read).</summary>
    public const int MaxValueLength = 4000;

    /// <summary>
    /// Queues an AuditRecorded event in the outbox, written by the next SaveChanges with the change
    /// itself, so the trail has an entry exactly when the change committed.
    /// </summary>
    public static void AddAudit(
        this IOutboxDbContext db,
        string service,
        Guid tenantId,
        string subjectType,
        string subjectId,
        string? subjectName,
        string action,
        AuditActor actor,
        DateTimeOffset at,
        IEnumerable<AuditFieldChange>? changes = null) =>
        db.AddEvent(new AuditRecorded
        {
            TenantId = tenantId,
            OccurredAt = at,
            Service = service,
            SubjectType = subjectType,
            SubjectId = subjectId,
            SubjectName = subjectName,
            Action = action,
            Changes = changes?.Select(c => c with { OldValue = Cut(c.OldValue), NewValue = Cut(c.NewValue) }).ToList() ?? [],
            ActorId = actor.Id,
            ActorName = actor.Name,
        });

    /// <summary>The fields whose values differ between two snapshots, in the order of <paramref name="after"/>.</summary>
    public static List<AuditFieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new List<AuditFieldChange>();
        foreach (var (field, value) in after)
        {
            var old = before.GetValueOrDefault(field);
            if (!string.Equals(old, value, StringComparison.Ordinal))
            {
                changes.Add(new AuditFieldChange(field, old, value));
            }
        }

        return changes;
    }

    /// <summary>
    /// The top-level properties whose JSON differs between two objects of one type (web naming),
    /// each value as compact JSON, so a settings change reads as "riskWeights: {...} -> {...}".
    /// </summary>
    public static List<AuditFieldChange> DiffJson<T>(T before, T after, params string[] ignore)
    {
        var old = JsonSerializer.SerializeToNode(before, Json)?.AsObject() ?? [];
        var now = JsonSerializer.SerializeToNode(after, Json)?.AsObject() ?? [];
        return Diff(
            old.Where(p => !ignore.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value?.ToJsonString(Json)),
            now.Where(p => !ignore.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value?.ToJsonString(Json)));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string? Cut(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
