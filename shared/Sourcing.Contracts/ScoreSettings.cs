namespace Sourcing.Contracts;

// DOMAIN.md's score defaults that are tenant settings. Each record's parameter defaults are DOMAIN's
// values, so an event or stored state from before these settings existed reads as the defaults.

/// <summary>The quality score's window and additions.</summary>
/// <param name="WindowDays">Trailing window in days (periods ending after the evaluation date minus this, and on or before it).</param>
/// <param name="TrendAddition">Points added when the last 30 days' miss rate exceeds the 60 days before by more than <paramref name="TrendThreshold"/>.</param>
/// <param name="TrendThreshold">Miss-rate rise (0 to 1) above which the trend addition applies.</param>
/// <param name="NearshoreAddition">Points added for a nearshore delivery site.</param>
/// <param name="OffshoreAddition">Points added for an offshore delivery site.</param>
public sealed record QualityScoreSettings(
    int WindowDays = QualityScoreSettings.DefaultWindowDays,
    decimal TrendAddition = 10m,
    decimal TrendThreshold = 0.1m,
    decimal NearshoreAddition = 5m,
    decimal OffshoreAddition = 10m)
{
    public const int DefaultWindowDays = 90;
}

/// <summary>The dependency score's additions and the limits of the exit addition.</summary>
/// <param name="SingleSourceAddition">Points added when a critical process has the engagement's source as its only source.</param>
/// <param name="ExitAddition">Points added for a third party whose remaining term or notice period is long.</param>
/// <param name="LongRemainingMonths">A remaining term over this many months is long.</param>
/// <param name="LongNoticeDays">A notice period over this many days is long.</param>
public sealed record DependencyScoreSettings(
    decimal SingleSourceAddition = 30m,
    decimal ExitAddition = 10m,
    int LongRemainingMonths = 24,
    int LongNoticeDays = 180);

/// <summary>The geopolitical score's weights: country, currency and communication add up to 1, and so do time and language within communication.</summary>
public sealed record GeopoliticalWeights(
    decimal Country = 0.6m,
    decimal Currency = 0.2m,
    decimal Communication = 0.2m,
    decimal Time = 0.6m,
    decimal Language = 0.4m);
