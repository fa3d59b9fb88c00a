using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sourcing.Risk.Scoring;

/// <summary>
/// One line of a score's breakdown: what it added (in score points, before the cap at 100) and the
/// inputs in words, so that a person can redo the arithmetic by hand.
/// </summary>
public sealed record Factor(string Name, [property: JsonConverter(typeof(PointsJsonConverter))] double Points, string Detail);

/// <summary>Writes a factor's points to four decimals, so a breakdown reads 41.142, not 41.141999999999996.</summary>
internal sealed class PointsJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value, 4, MidpointRounding.AwayFromZero));
}

/// <summary>Something a score could not use or that a person should look at ("stale", "no cost recorded").</summary>
public sealed record Finding(string Code, string Message);

/// <summary>A score (0 to 100) with the factors that produced it; null Value means the score does not exist.</summary>
public sealed record ScoreResult(double? Value, IReadOnlyList<Factor> Factors, IReadOnlyList<Finding> Findings)
{
    public static ScoreResult None(params Finding[] findings) => new(null, [], findings);
}

/// <summary>Finding codes shown by the API and the alerts.</summary>
public static class FindingCodes
{
    public const string Stale = "stale";
    public const string NotMonitored = "not-monitored";
    public const string NoMeasurement = "no-measurement";
    public const string NoCostRecorded = "no-cost-recorded";
    public const string NoReferenceData = "no-reference-data";
}

internal static class Numbers
{
    /// <summary>Two decimals, the way scores are stored and shown.</summary>
    public static double Round2(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string F2(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number as few decimals as it needs ("6.5", "10"), the way the classification writes hours.</summary>
    public static string N(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string F4(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
