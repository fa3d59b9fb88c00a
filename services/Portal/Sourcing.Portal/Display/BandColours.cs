namespace Sourcing.Portal.Display;

/// <summary>The bands' colours in charts (the chips' strong colours; medium and low darker than the chips' backgrounds, to read as bars and lines).</summary>
public static class BandColours
{
    public const string Critical = "#b71c1c";
    public const string High = "#e65100";
    public const string Medium = "#f9a825";
    public const string Low = "#2e7d32";
}
