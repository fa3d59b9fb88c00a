namespace Sourcing.Portal.Api;

// The strategy advisor's answer (POST api/risk/advice; docs/risk.md).
public sealed record AdvicePriorityPoints(string Priority, int Weight, int Fit, int Points);

public sealed record AdvicePolicyFailure(string Check, string Message);

public sealed record AdviceRisk(double? Dependency, double? Geopolitical, double Composite, double Penalty, List<string> Details);

public sealed record AdviceConcentration(double? ProcessHhiBefore, double? ProcessHhiAfter, double? CountrySharePercentBefore, double? CountrySharePercentAfter);

public sealed record AdviceExposure(string Currency, double? Volatility, decimal? AnnualCost, double? AnnualCostInReportingCurrency);

public sealed record AdviceOption(
    int? Rank,
    string Code,
    string Label,
    string? Country,
    string? CountryName,
    string? TimeZone,
    bool Applicable,
    string? NotApplicableReason,
    string? Classification,
    string? LocationGrade,
    double? LocationGapHours,
    double? OverlapHours,
    List<AdvicePriorityPoints> Fits,
    int PriorityPoints,
    int InvestmentNeeded,
    int InvestmentPenalty,
    List<AdvicePolicyFailure> PolicyFailures,
    int PolicyPenalty,
    AdviceRisk? Risk,
    AdviceConcentration? Concentration,
    AdviceExposure? Exposure,
    double? Score,
    List<string> Reasons);

public sealed record Advice(
    DateOnly EvaluationDate,
    string HqCountry,
    string HqTimeZone,
    string ReportingCurrency,
    double RiskWeight,
    List<AdviceOption> Options,
    List<string> DecidedBy,
    string Summary);
