using Microsoft.EntityFrameworkCore;
using Sourcing.Risk.Data;

namespace Sourcing.Risk.Scores;

/// <summary>
/// The part of a tenant's score history that a chart or a digest reads from a moment on: every point
/// since then, and each engagement's last point before it (its band when the window opens). The
/// rest of the history, which grows with every recompute, stays in the database.
/// </summary>
public static class ScoreHistoryWindow
{
    /// <returns>Per engagement, its points oldest first; the band at any moment from <paramref name="from"/> on is that of the last point at or before it.</returns>
    public static async Task<Dictionary<Guid, ScoreHistoryPoint[]>> LoadAsync(RiskDb db, DateTimeOffset from, CancellationToken cancellationToken)
    {
        // timestamptz parameters must be UTC (a local midnight arrives with the zone's offset).
        from = from.ToUniversalTime();
        var opening = await db.ScoreHistory.AsNoTracking()
            .Where(p => p.ComputedAt < from)
            .GroupBy(p => p.EngagementId)
            .Select(g => g.OrderByDescending(p => p.ComputedAt).First())
            .ToListAsync(cancellationToken);
        var since = await db.ScoreHistory.AsNoTracking()
            .Where(p => p.ComputedAt >= from)
            .OrderBy(p => p.ComputedAt)
            .ToListAsync(cancellationToken);
        return opening.Concat(since)
            .GroupBy(p => p.EngagementId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.ComputedAt).ToArray());
    }
}
