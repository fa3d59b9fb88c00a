namespace Sourcing.Risk.WhatIf;

/// <summary>
/// What a source's (or a country's) failure would do: the engagements that stop, the processes left
/// with no alternative, the totals stranded, and the dependency scores of the rest before and after.
/// Amounts are annual, in <see cref="ReportingCurrency"/>.
/// </summary>
public sealed record FailureWhatIfResponse(
    string Failure,
    string Subject,
    string Name,
    string ReportingCurrency,
    DateOnly EvaluationDate,
    StrandedTotals Stranded,
    IReadOnlyList<StoppingEngagement> Stopping,
    IReadOnlyList<ProcessWithoutAlternative> ProcessesWithoutAlternative,
    IReadOnlyList<DependencyChange> DependencyChanges);

/// <summary>
/// The totals of the engagements that stop: <see cref="Spend"/> sums the known annual costs;
/// <see cref="EngagementsWithoutCost"/> counts those whose cost is unknown (left out of the spend).
/// </summary>
public sealed record StrandedTotals(int Engagements, decimal Spend, int EngagementsWithoutCost, int Headcount, int CriticalEngagements, int Slas);

/// <summary>An active engagement that stops, costed as the dependency score costs it (null when unknown, with the reason).</summary>
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

/// <summary>A process in which every active source fails; critical when any of its engagements is.</summary>
public sealed record ProcessWithoutAlternative(string Process, bool Critical, int Engagements, decimal Spend);

/// <summary>
/// A remaining engagement's dependency score before and after the failure; <see cref="Change"/> is
/// after minus before (null when either is missing).
/// </summary>
public sealed record DependencyChange(
    Guid EngagementId, string Name, string SourceName, string BusinessProcess, decimal? Before, decimal? After, decimal? Change);
