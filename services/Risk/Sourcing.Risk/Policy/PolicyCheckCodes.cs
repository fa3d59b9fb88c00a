namespace Sourcing.Risk.Policy;

/// <summary>The codes of DOMAIN.md's policy checks, as findings show them; each check's alert kind is "policy-" and its code.</summary>
public static class PolicyCheckCodes
{
    public const string NotAdvisableToOffshore = "not-advisable-to-offshore";
    public const string SensitiveDataInHighRiskCountry = "sensitive-data-in-high-risk-country";
    public const string SensitiveDataWithoutCertification = "sensitive-data-without-certification";
    public const string SingleSourcedCriticalProcess = "single-sourced-critical-process";
    public const string CoreProcessOutsourced = "core-process-outsourced";
    public const string NotMonitored = "not-monitored";

    public static readonly IReadOnlyList<string> All =
    [
        NotAdvisableToOffshore, SensitiveDataInHighRiskCountry, SensitiveDataWithoutCertification, SingleSourcedCriticalProcess,
        CoreProcessOutsourced, NotMonitored,
    ];

    /// <summary>The alert kind of a check.</summary>
    public static string AlertKind(string check) => $"policy-{check}";
}
