using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Digests;

/// <summary>
/// One digest of one subscription for one period, written (unique per tenant, subscription and period)
/// in the same transaction as its e-mail in the outbox, so a period is composed and queued once; the
/// e-mail dispatcher sends it, and <see cref="SentAt"/> is copied from the outbox after.
/// </summary>
public sealed class DigestDelivery : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>The due instant: the period's end, and its identity.</summary>
    public DateTimeOffset PeriodEnd { get; set; }

    /// <summary>The previous digest's due instant (or the subscription's creation).</summary>
    public DateTimeOffset PeriodStart { get; set; }

    public Guid? EmailId { get; set; }

    public string Recipient { get; set; } = "";

    /// <summary>True when the period had nothing to report.</summary>
    public bool Empty { get; set; }

    /// <summary>Engagements in scope by band at composition, so the next digest can say what changed.</summary>
    public BandCounts Counts { get; set; } = new(0, 0, 0, 0);

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>How many engagements are in each band.</summary>
public sealed record BandCounts(int Low, int Medium, int High, int Critical)
{
    public int Total => Low + Medium + High + Critical;
}
