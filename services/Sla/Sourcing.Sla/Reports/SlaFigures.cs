namespace Sourcing.Sla.Reports;

/// <summary>One measured period as the reports see it, with the relative shortfall stored at ingestion.</summary>
public sealed record PeriodResult(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, decimal Target, string Direction, bool Met, decimal RelativeShortfall);

/// <summary>How attainment moved between the earlier and the later half of the window.</summary>
public sealed record SlaTrend(decimal EarlierAttainmentPercent, decimal LaterAttainmentPercent, decimal ChangePoints, string Direction);

/// <summary>An SLA's figures for a window.</summary>
public sealed record SlaFigures(
    int PeriodsMeasured,
    int PeriodsMet,
    int PeriodsMissed,
    decimal? AttainmentPercent,
    decimal? MeanShortfall,
    decimal? MeanRelativeShortfall,
    SlaTrend? Trend,
    decimal? PeriodFee,
    decimal? ServiceCredits);
