using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Digests;

/// <summary>
/// Who receives which risk digest, when, in their own time zone. One per member; created for every
/// vendor manager when they join (weekly, Monday 08:00, the tenant's time zone, "mine", medium and up).
/// <see cref="NextDueAt"/> is the next occurrence as an instant, recomputed from the local rule after
/// every change and every delivery, so the due query is a plain index range.
/// </summary>
public sealed class DigestSubscription : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>daily, weekly or monthly (<see cref="DigestFrequencies"/>).</summary>
    public string Frequency { get; set; } = DigestFrequencies.Weekly;

    /// <summary>ISO day of the week, 1 (Monday) to 7 (Sunday), for a weekly digest.</summary>
    public int DayOfWeek { get; set; } = 1;

    /// <summary>Day of the month, 1 to 28 (so that every month has it), for a monthly digest.</summary>
    public int DayOfMonth { get; set; } = 1;

    public TimeOnly LocalTime { get; set; } = new(8, 0);

    /// <summary>IANA zone the local time is read in.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The lowest risk band the digest reports on (low, medium, high, critical).</summary>
    public string MinBand { get; set; } = "medium";

    /// <summary>mine (engagements the member owns) or all (the tenant's).</summary>
    public string Scope { get; set; } = DigestScopes.Mine;

    public bool Paused { get; set; }

    /// <summary>Send a short "nothing changed" digest for an empty period.</summary>
    public bool SendEmpty { get; set; }

    /// <summary>Set by the one-click link; a later change of the subscription through the API clears it.</summary>
    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>Part of the signed unsubscribe link; replaced when the link is used, so it works once.</summary>
    public Guid UnsubscribeNonce { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextDueAt { get; set; }

    /// <summary>The due instant of the last digest delivered (where the next period starts); null before the first.</summary>
    public DateTimeOffset? LastPeriodEnd { get; set; }

    public int Version { get; set; }

    public bool Receives => !Paused && UnsubscribedAt is null;
}

public static class DigestFrequencies
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public static readonly IReadOnlyList<string> All = [Daily, Weekly, Monthly];
}

public static class DigestScopes
{
    public const string Mine = "mine";
    public const string All = "all";
    public static readonly IReadOnlyList<string> Values = [Mine, All];
}

public static class DigestBands
{
    public static readonly IReadOnlyList<string> All = [Scoring.Bands.Low, Scoring.Bands.Medium, Scoring.Bands.High, Scoring.Bands.Critical];
}
