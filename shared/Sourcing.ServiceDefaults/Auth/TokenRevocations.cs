using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Sourcing.ServiceDefaults.Auth;

/// <summary>
/// The access tokens this API instance refuses although their signature and lifetime are fine: per
/// tenant and subject (a user id or an API client id), every token issued before a cut-off. Fed by
/// MemberRemoved, MemberRoleChanged and ApiClientRevoked; an entry is kept for
/// <see cref="TokenRevocationOptions.RetainFor"/> (longer than an access token lives), after which every
/// token it could refuse has expired anyway, so the list stays as small as the last hour's changes.
/// </summary>
public sealed class TokenRevocations(TimeProvider clock, IOptions<TokenRevocationOptions> options)
{
    private readonly ConcurrentDictionary<(Guid TenantId, string Subject), Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Tokens of this subject issued before <paramref name="issuedBefore"/> are refused from now on.</summary>
    public void Revoke(Guid tenantId, string subject, DateTimeOffset issuedBefore)
    {
        var now = clock.GetUtcNow();
        var entry = new Entry(issuedBefore, now + options.Value.RetainFor);
        _entries.AddOrUpdate((tenantId, subject), entry, (_, old) => old.IssuedBefore >= issuedBefore ? old with { KeepUntil = entry.KeepUntil } : entry);
        Prune(now);
    }

    /// <summary>True when a token of this subject issued at <paramref name="issuedAt"/> must be refused.</summary>
    public bool IsRevoked(Guid tenantId, string subject, DateTimeOffset issuedAt) =>
        _entries.TryGetValue((tenantId, subject), out var entry) && issuedAt < entry.IssuedBefore;

    /// <summary>
    /// The cut-off for an access that ends (a removed member, a revoked client): every token issued
    /// up to the end of that second (a JWT's iat has whole seconds), so none issued just before slips through.
    /// </summary>
    public static DateTimeOffset EndedAt(DateTimeOffset occurredAt) => WholeSecond(occurredAt).AddSeconds(1);

    /// <summary>
    /// The cut-off for a change after which new tokens are fine (a role change): tokens issued before
    /// the second of the change, so that a token refreshed right after it is not refused.
    /// </summary>
    public static DateTimeOffset ChangedAt(DateTimeOffset occurredAt) => WholeSecond(occurredAt);

    private static DateTimeOffset WholeSecond(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.KeepUntil < now)
            {
                _entries.TryRemove(new KeyValuePair<(Guid, string), Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(DateTimeOffset IssuedBefore, DateTimeOffset KeepUntil);
}
