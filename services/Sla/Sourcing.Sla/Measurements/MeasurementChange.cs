namespace Sourcing.Sla.Measurements;

/// <summary>What a value sent for a period did to it.</summary>
public enum MeasurementChange
{
    Unchanged,
    Recorded,
    Replaced,
}
