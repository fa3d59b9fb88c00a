namespace Sourcing.Sla.Measurements;

/// <summary>A measurement row that passed every rule: its period normalised, its result judged, its relative shortfall measured.</summary>
public readonly record struct StagedMeasurement(long Position, Guid SlaId, SlaPeriod Period, decimal Value, bool Met, decimal RelativeShortfall);
