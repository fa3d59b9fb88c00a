namespace Sourcing.Portal.Api;

/// <summary>The person's company and its settings as the tenants API shows them (<c>GET api/tenant</c>).</summary>
public sealed record TenantSettings(
    Guid Id,
    string Name,
    string HqCountry,
    string ReportingCurrency,
    string TimeZone,
    IReadOnlyList<string> WorkingLanguages,
    RiskWeights RiskWeights,
    BandThresholds BandThresholds,
    PolicyChecks PolicyChecks,
    IReadOnlyList<string> NotToOffshoreProcesses,
    decimal CountryConcentrationThresholdPercent,
    QualityScoreSettings QualityScore,
    DependencyScoreSettings DependencyScore,
    GeopoliticalWeights GeopoliticalWeights,
    int Version,
    DateTimeOffset UpdatedAt);

public sealed record RiskWeights(decimal Quality, decimal Dependency, decimal Geopolitical);

public sealed record BandThresholds(decimal Medium, decimal High, decimal Critical);

public sealed record PolicyChecks(
    bool NotAdvisableToOffshore,
    bool SensitiveDataInHighRiskCountry,
    bool SensitiveDataWithoutCertification,
    bool SingleSourcedCriticalProcess,
    bool CoreProcessOutsourced,
    bool NotMonitored);

public sealed record QualityScoreSettings(int WindowDays, decimal TrendAddition, decimal TrendThreshold, decimal NearshoreAddition, decimal OffshoreAddition);

public sealed record DependencyScoreSettings(decimal SingleSourceAddition, decimal ExitAddition, int LongRemainingMonths, int LongNoticeDays);

public sealed record GeopoliticalWeights(decimal Country, decimal Currency, decimal Communication, decimal Time, decimal Language);

/// <summary>A member of the company.</summary>
public sealed record Member(Guid UserId, string Email, string Name, string Role, DateTimeOffset JoinedAt);

/// <summary>An invitation to join the company (pending, accepted, revoked or expired).</summary>
public sealed record Invitation(
    Guid Id, string Email, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int TimesSent, DateTimeOffset? AcceptedAt);

/// <summary>An API client of the company (its secret is never shown again after it was created).</summary>
public sealed record ApiClientInfo(Guid Id, string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The one answer that holds a new client's secret.</summary>
public sealed record CreatedApiClient(Guid Id, string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);
