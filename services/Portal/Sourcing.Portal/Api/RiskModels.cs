namespace Sourcing.Portal.Api;

/// <summary>An engagement's scores as the risk API computed them.</summary>
public sealed record EngagementScores(
    Guid EngagementId,
    string Name,
    string BusinessProcess,
    string DeliveryCountry,
    string Criticality,
    string LocationGrade,
    decimal? Quality,
    decimal? Dependency,
    decimal? Geopolitical,
    decimal? Composite,
    string? Band,
    DateTimeOffset ComputedAt,
    ScoreBreakdown? Breakdown);

public sealed record ScoreBreakdown(
    IReadOnlyList<ScoreFactor> Quality,
    IReadOnlyList<ScoreFactor> Dependency,
    IReadOnlyList<ScoreFactor> Geopolitical,
    IReadOnlyList<ScoreFinding> Findings,
    IReadOnlyList<ScoreFinding>? Policy);

public sealed record ScoreFactor(string Name, double Points, string Detail);

public sealed record ScoreFinding(string Code, string Message);

/// <summary>The tenant's portfolio (only what the dashboard shows).</summary>
public sealed record Portfolio(
    string ReportingCurrency,
    IReadOnlyDictionary<string, int> CountsByBand,
    IReadOnlyList<GroupFigures> ByCountry,
    IReadOnlyList<EngagementScores> Riskiest,
    decimal TotalCost);

/// <summary>A group's figures (here: the engagements delivered from one country).</summary>
public sealed record GroupFigures(string Key, int Engagements, decimal? AverageComposite, decimal? MaxComposite, decimal? Cost);

/// <summary>The portfolio's band counts at the end of each day, in the tenant's time zone.</summary>
public sealed record PortfolioTrend(string TimeZone, IReadOnlyList<TrendDay> Days);

public sealed record TrendDay(DateOnly Day, int Low, int Medium, int High, int Critical);

public sealed record ScoreHistoryPoint(DateTimeOffset ComputedAt, decimal? Quality, decimal? Dependency, decimal? Geopolitical, decimal? Composite, string? Band);

public sealed record Alert(
    Guid Id,
    string Subject,
    string Kind,
    Guid? EngagementId,
    string? EngagementName,
    string Severity,
    string Message,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? Comment,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    Guid? AssigneeUserId,
    string? AssigneeName,
    DateOnly? DueOn,
    bool Overdue);

/// <summary>A member an alert can be assigned to.</summary>
public sealed record Assignee(Guid UserId, string Name, string Email, string Role);

/// <summary>What a bulk action changed, and what it left alone and why.</summary>
public sealed record AlertBulkResult(IReadOnlyList<Alert> Changed, IReadOnlyList<AlertBulkSkip> Skipped);

public sealed record AlertBulkSkip(Guid Id, string Reason);

/// <summary>One's digest subscription, as the risk API holds it.</summary>
public sealed record DigestSubscription(
    Guid Id,
    string Email,
    string Frequency,
    int DayOfWeek,
    int DayOfMonth,
    string LocalTime,
    string TimeZone,
    string MinBand,
    string Scope,
    bool Paused,
    bool SendEmpty,
    DateTimeOffset? UnsubscribedAt,
    DateTimeOffset NextDueAt,
    DateTimeOffset? LastPeriodEnd);

/// <summary>What the portal sends to change a digest subscription (the whole of it).</summary>
public sealed record DigestSubscriptionChange(
    string? Frequency,
    int? DayOfWeek,
    int? DayOfMonth,
    string? LocalTime,
    string? TimeZone,
    string? MinBand,
    string? Scope,
    bool Paused,
    bool SendEmpty);

/// <summary>The next digest as it would be sent now.</summary>
public sealed record DigestPreview(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, bool Empty, string Subject, string Html, string Text);

/// <summary>What a provider's, centre's or country's failure would do (the risk API's what-if).</summary>
public sealed record FailureWhatIf(
    string Failure,
    string Subject,
    string Name,
    string ReportingCurrency,
    DateOnly EvaluationDate,
    StrandedTotals Stranded,
    IReadOnlyList<StoppingEngagement> Stopping,
    IReadOnlyList<ProcessWithoutAlternative> ProcessesWithoutAlternative,
    IReadOnlyList<DependencyChange> DependencyChanges);

public sealed record StrandedTotals(int Engagements, decimal Spend, int EngagementsWithoutCost, int Headcount, int CriticalEngagements, int Slas);

public sealed record StoppingEngagement(
    Guid EngagementId,
    string Name,
    string SourceKind,
    Guid? ProviderId,
    Guid? CaptiveCentreId,
    string SourceName,
    string BusinessProcess,
    string DeliveryCountry,
    string Criticality,
    decimal? AnnualCost,
    string CostDetail,
    int? Headcount,
    int Slas);

public sealed record ProcessWithoutAlternative(string Process, bool Critical, int Engagements, decimal Spend);

public sealed record DependencyChange(
    Guid EngagementId, string Name, string SourceName, string BusinessProcess, decimal? Before, decimal? After, decimal? Change);
