namespace Sourcing.Risk.Scoring;

/// <summary>Composite = weighted mean of the scores that exist; bands from the tenant's thresholds.</summary>
public static class CompositeScore
{
    public static double? Compute(double? quality, double? dependency, double? geopolitical, double qualityWeight, double dependencyWeight, double geopoliticalWeight)
    {
        double sum = 0, weights = 0;
        foreach (var (score, weight) in new[] { (quality, qualityWeight), (dependency, dependencyWeight), (geopolitical, geopoliticalWeight) })
        {
            if (score is { } value)
            {
                sum += weight * value;
                weights += weight;
            }
        }

        return weights > 0 ? Numbers.Round2(sum / weights) : null;
    }

    /// <summary>low below medium, medium below high, high below critical, critical at or above it.</summary>
    public static string Band(double score, double medium, double high, double critical) =>
        score >= critical ? Bands.Critical : score >= high ? Bands.High : score >= medium ? Bands.Medium : Bands.Low;
}

public static class Bands
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static int Rank(string? band) => band switch
    {
        Low => 1,
        Medium => 2,
        High => 3,
        Critical => 4,
        _ => 0,
    };
}
