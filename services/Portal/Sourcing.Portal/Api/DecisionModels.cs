namespace Sourcing.Portal.Api;

/// <summary>The tenant's annual cost by currency on a date, with the effect of a move of every foreign currency (risk API).</summary>
public sealed record CurrencyExposure(
    DateOnly Date,
    string ReportingCurrency,
    decimal MovePercent,
    decimal VolatileFromPercent,
    decimal TotalCost,
    decimal VolatileCost,
    decimal VolatileSharePercent,
    decimal ForeignCost,
    decimal TotalChangeUp,
    decimal TotalChangeDown,
    decimal TotalChangeUpPercent,
    IReadOnlyList<CurrencyExposureLine> Currencies,
    IReadOnlyList<LeftOutEngagement> LeftOut);

public sealed record CurrencyExposureLine(
    string Currency,
    decimal Amount,
    decimal Cost,
    decimal Rate,
    DateOnly RateDate,
    decimal SharePercent,
    decimal? VolatilityPercent,
    decimal CurrencyRisk,
    bool Volatile,
    string VolatilityDetail,
    decimal ChangeUp,
    decimal ChangeDown,
    IReadOnlyList<ExposedEngagement> Engagements);

public sealed record ExposedEngagement(Guid EngagementId, string Name, decimal Amount, decimal Cost);

public sealed record LeftOutEngagement(Guid EngagementId, string Name, string Reason);

/// <summary>Working hours shared on a date between HQ and each delivery site (risk API).</summary>
public sealed record WorkingHours(
    DateOnly Date,
    string HqTimeZone,
    string HqUtcOffset,
    string WorkingDay,
    TimeSpanOfDay HqDay,
    TimeSpanOfDay HqWorkingDay,
    IReadOnlyList<DeliverySiteOverlap> Sites,
    IReadOnlyList<LeftOutEngagement> LeftOut);

/// <summary>A span of time; its ends carry the UTC offset of the place it is read in.</summary>
public sealed record TimeSpanOfDay(DateTimeOffset Start, DateTimeOffset End, decimal Hours);

public sealed record DeliverySiteOverlap(
    string TimeZone,
    string Country,
    string UtcOffset,
    TimeSpanOfDay LocalWorkingDay,
    IReadOnlyList<TimeSpanOfDay> WorkingHours,
    decimal SharedHoursWithHq,
    IReadOnlyList<TimeSpanOfDay> SharedWithHq,
    IReadOnlyList<VendorManagerOverlap> VendorManagers,
    IReadOnlyList<SiteEngagement> Engagements);

public sealed record VendorManagerOverlap(Guid UserId, string Name, string TimeZone, string TimeZoneSource, bool OwnsEngagementHere, decimal SharedHours);

public sealed record SiteEngagement(Guid EngagementId, string Name);
