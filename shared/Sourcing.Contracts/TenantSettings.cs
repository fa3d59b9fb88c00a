namespace Sourcing.Contracts;

/// <summary>The full state of a tenant's settings, carried by TenantRegistered and TenantSettingsChanged.</summary>
public sealed record TenantSettings
{
    public required string Name { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the head-office country.</summary>
    public required string HqCountry { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string ReportingCurrency { get; init; }

    /// <summary>IANA time-zone id.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Working languages (ISO 639-1), the first one primary.</summary>
    public required IReadOnlyList<string> WorkingLanguages { get; init; }

    public required RiskWeights RiskWeights { get; init; }

    public required BandThresholds BandThresholds { get; init; }

    public required PolicyChecks PolicyChecks { get; init; }

    /// <summary>Business processes the tenant does not want done abroad (default: legal).</summary>
    public required IReadOnlyList<string> NotToOffshoreProcesses { get; init; }

    /// <summary>Percent of critical and important cost in one foreign country above which an alert is raised.</summary>
    public required decimal CountryConcentrationThresholdPercent { get; init; }

    /// <summary>The quality score's window and additions (DOMAIN's defaults when an older event leaves them out).</summary>
    public QualityScoreSettings QualityScore { get; init; } = new();

    /// <summary>The dependency score's additions and limits (DOMAIN's defaults when an older event leaves them out).</summary>
    public DependencyScoreSettings DependencyScore { get; init; } = new();

    /// <summary>The geopolitical score's weights (DOMAIN's defaults when an older event leaves them out).</summary>
    public GeopoliticalWeights GeopoliticalWeights { get; init; } = new();

    /// <summary>Increases by one with every change, so consumers can ignore an older state.</summary>
    public required int Version { get; init; }
}

/// <summary>Weights of the composite score; they add up to 1.</summary>
public sealed record RiskWeights(decimal Quality, decimal Dependency, decimal Geopolitical);

/// <summary>Lower bounds of the medium, high and critical bands (low is below Medium).</summary>
public sealed record BandThresholds(decimal Medium, decimal High, decimal Critical);

/// <summary>Each policy check of DOMAIN.md, on or off.</summary>
public sealed record PolicyChecks(
    bool NotAdvisableToOffshore,
    bool SensitiveDataInHighRiskCountry,
    bool SensitiveDataWithoutCertification,
    bool SingleSourcedCriticalProcess,
    bool CoreProcessOutsourced,
    bool NotMonitored);
