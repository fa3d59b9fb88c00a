using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Digests;

/// <summary>What one digest says: everything the renderer needs, already filtered to the subscriber's scope and band.</summary>
public sealed record DigestModel(
    string TenantName,
    string RecipientName,
    string Scope,
    string MinBand,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string TimeZone,
    BandCounts Counts,
    BandCounts? PreviousCounts,
    IReadOnlyList<DigestBandChange> BandChanges,
    IReadOnlyList<DigestAlert> NewAlerts,
    IReadOnlyList<DigestAlert> OpenAlerts,
    IReadOnlyList<DigestBreach> Breaches,
    IReadOnlyList<DigestContractNotice> Contracts,
    IReadOnlyList<DigestAlert> PolicyFindings,
    IReadOnlyList<TrendPoint> Trend)
{
    /// <summary>Nothing happened in the period: no band change, no new alert or finding, no breach, no contract notice, the same counts.</summary>
    public bool IsEmpty =>
        BandChanges.Count == 0 && NewAlerts.Count == 0 && Breaches.Count == 0 && Contracts.Count == 0
        && !PolicyFindings.Any(f => f.IsNew) && (PreviousCounts is null || PreviousCounts == Counts);
}

public sealed record DigestBandChange(Guid EngagementId, string EngagementName, string? FromBand, string ToBand, decimal? Composite, IReadOnlyList<Factor> TopFactors);

public sealed record DigestAlert(Guid Id, Guid? EngagementId, string? EngagementName, string Kind, string Severity, string Message, DateTimeOffset RaisedAt, bool IsNew);

public sealed record DigestBreach(Guid EngagementId, string EngagementName, string Metric, DateOnly PeriodEnd, decimal Value, decimal Target);

/// <summary>A contract that entered its notice window, or ends, in or soon after the period.</summary>
public sealed record DigestContractNotice(Guid EngagementId, string EngagementName, string What, DateOnly On);
