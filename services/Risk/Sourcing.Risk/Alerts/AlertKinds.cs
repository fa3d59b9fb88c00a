namespace Sourcing.Risk.Alerts;

/// <summary>The alert kinds of DOMAIN.md; each policy check is a kind of its own.</summary>
public static class AlertKinds
{
    public const string BandRise = "band-rise";
    public const string ScoreThreshold = "score-threshold";
    public const string SlaBreach = "sla-breach";
    public const string NoticeWindow = "notice-window";
    public const string CountryConcentration = "country-concentration";
    public const string NotAdvisableToOffshore = "policy-not-advisable-to-offshore";
    public const string SensitiveDataInHighRiskCountry = "policy-sensitive-data-in-high-risk-country";
    public const string SensitiveDataWithoutCertification = "policy-sensitive-data-without-certification";
    public const string SingleSourcedCriticalProcess = "policy-single-sourced-critical-process";
    public const string CoreProcessOutsourced = "policy-core-process-outsourced";
    public const string NotMonitored = "policy-not-monitored";

    public static readonly IReadOnlyList<string> All =
    [
        BandRise, ScoreThreshold, SlaBreach, NoticeWindow, CountryConcentration, NotAdvisableToOffshore,
        SensitiveDataInHighRiskCountry, SensitiveDataWithoutCertification, SingleSourcedCriticalProcess,
        CoreProcessOutsourced, NotMonitored,
    ];
}

/// <summary>A cause that is present now: an alert of this subject and kind should be open.</summary>
public sealed record AlertCause(string Subject, string Kind, Guid? EngagementId, string Severity, string Message, string? Baseline = null);
