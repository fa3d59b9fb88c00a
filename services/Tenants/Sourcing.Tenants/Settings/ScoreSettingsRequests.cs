using System.ComponentModel.DataAnnotations;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Tenants.Settings;

/// <summary>The quality score's settings as sent; a field left out takes DOMAIN's default.</summary>
public sealed record QualityScoreSettingsRequest(
    [property: Range(QualityScoreSettingsRequest.MinWindowDays, QualityScoreSettingsRequest.MaxWindowDays)] int? WindowDays,
    [property: Range(typeof(decimal), "0", "100")] decimal? TrendAddition,
    [property: Range(typeof(decimal), "0", "1")] decimal? TrendThreshold,
    [property: Range(typeof(decimal), "0", "100")] decimal? NearshoreAddition,
    [property: Range(typeof(decimal), "0", "100")] decimal? OffshoreAddition)
{
    /// <summary>The window holds the trend's 90 days (the last 30 against the 60 before) and at most two years.</summary>
    public const int MinWindowDays = 90;
    public const int MaxWindowDays = 730;

    public QualityScoreSettings? Validate(ValidationErrors errors)
    {
        var defaults = new QualityScoreSettings();
        var ok = true;
        if (WindowDays is < MinWindowDays or > MaxWindowDays)
        {
            errors.Add("qualityScore.windowDays", $"must be a whole number of days from {MinWindowDays} to {MaxWindowDays}.");
            ok = false;
        }

        ok &= ScoreSettingsRules.Points(errors, "qualityScore.trendAddition", TrendAddition);
        ok &= ScoreSettingsRules.Fraction(errors, "qualityScore.trendThreshold", TrendThreshold);
        ok &= ScoreSettingsRules.Points(errors, "qualityScore.nearshoreAddition", NearshoreAddition);
        ok &= ScoreSettingsRules.Points(errors, "qualityScore.offshoreAddition", OffshoreAddition);
        return !ok
            ? null
            : new QualityScoreSettings(
                WindowDays ?? defaults.WindowDays,
                TrendAddition ?? defaults.TrendAddition,
                TrendThreshold ?? defaults.TrendThreshold,
                NearshoreAddition ?? defaults.NearshoreAddition,
                OffshoreAddition ?? defaults.OffshoreAddition);
    }
}

/// <summary>The dependency score's settings as sent; a field left out takes DOMAIN's default.</summary>
public sealed record DependencyScoreSettingsRequest(
    [property: Range(typeof(decimal), "0", "100")] decimal? SingleSourceAddition,
    [property: Range(typeof(decimal), "0", "100")] decimal? ExitAddition,
    [property: Range(1, 240)] int? LongRemainingMonths,
    [property: Range(1, 3650)] int? LongNoticeDays)
{
    public DependencyScoreSettings? Validate(ValidationErrors errors)
    {
        var defaults = new DependencyScoreSettings();
        var ok = true;
        ok &= ScoreSettingsRules.Points(errors, "dependencyScore.singleSourceAddition", SingleSourceAddition);
        ok &= ScoreSettingsRules.Points(errors, "dependencyScore.exitAddition", ExitAddition);
        if (LongRemainingMonths is < 1 or > 240)
        {
            errors.Add("dependencyScore.longRemainingMonths", "must be a whole number of months from 1 to 240.");
            ok = false;
        }

        if (LongNoticeDays is < 1 or > 3650)
        {
            errors.Add("dependencyScore.longNoticeDays", "must be a whole number of days from 1 to 3650.");
            ok = false;
        }

        return !ok
            ? null
            : new DependencyScoreSettings(
                SingleSourceAddition ?? defaults.SingleSourceAddition,
                ExitAddition ?? defaults.ExitAddition,
                LongRemainingMonths ?? defaults.LongRemainingMonths,
                LongNoticeDays ?? defaults.LongNoticeDays);
    }
}

/// <summary>The geopolitical weights as sent; a field left out takes DOMAIN's default, and each group must add up to 1.</summary>
public sealed record GeopoliticalWeightsRequest(
    [property: Range(typeof(decimal), "0", "1")] decimal? Country,
    [property: Range(typeof(decimal), "0", "1")] decimal? Currency,
    [property: Range(typeof(decimal), "0", "1")] decimal? Communication,
    [property: Range(typeof(decimal), "0", "1")] decimal? Time,
    [property: Range(typeof(decimal), "0", "1")] decimal? Language)
{
    private const decimal Tolerance = 0.0001m;

    public GeopoliticalWeights? Validate(ValidationErrors errors)
    {
        var defaults = new GeopoliticalWeights();
        var ok = true;
        ok &= ScoreSettingsRules.Fraction(errors, "geopoliticalWeights.country", Country);
        ok &= ScoreSettingsRules.Fraction(errors, "geopoliticalWeights.currency", Currency);
        ok &= ScoreSettingsRules.Fraction(errors, "geopoliticalWeights.communication", Communication);
        ok &= ScoreSettingsRules.Fraction(errors, "geopoliticalWeights.time", Time);
        ok &= ScoreSettingsRules.Fraction(errors, "geopoliticalWeights.language", Language);
        if (!ok)
        {
            return null;
        }

        var weights = new GeopoliticalWeights(
            Country ?? defaults.Country,
            Currency ?? defaults.Currency,
            Communication ?? defaults.Communication,
            Time ?? defaults.Time,
            Language ?? defaults.Language);
        var sum = weights.Country + weights.Currency + weights.Communication;
        if (Math.Abs(sum - 1m) > Tolerance)
        {
            errors.Add("geopoliticalWeights", $"country, currency and communication must add up to 1 (they add up to {sum}).");
            ok = false;
        }

        var communication = weights.Time + weights.Language;
        if (Math.Abs(communication - 1m) > Tolerance)
        {
            errors.Add("geopoliticalWeights", $"time and language must add up to 1 (they add up to {communication}).");
            ok = false;
        }

        return !ok ? null : weights;
    }
}

internal static class ScoreSettingsRules
{
    /// <summary>Score points an addition may add: 0 (off) to 100.</summary>
    public static bool Points(ValidationErrors errors, string field, decimal? value)
    {
        if (value is < 0 or > 100)
        {
            errors.Add(field, "must be between 0 and 100 points.");
            return false;
        }

        return true;
    }

    public static bool Fraction(ValidationErrors errors, string field, decimal? value)
    {
        if (value is < 0 or > 1)
        {
            errors.Add(field, "must be between 0 and 1.");
            return false;
        }

        return true;
    }
}
