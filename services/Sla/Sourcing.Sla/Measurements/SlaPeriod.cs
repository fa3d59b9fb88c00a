namespace Sourcing.Sla.Measurements;

/// <summary>One measurement period: its first and last day, both inclusive.</summary>
public readonly record struct SlaPeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
