using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Scoring;

/// <summary>
/// The inputs of one engagement's geopolitical score, already looked up: the delivery country's
/// stability score (null when missing from the data), the currency volatility (null when missing),
/// the UTC offsets at 12:00 UTC on the evaluation date, and the tenant's overrides.
/// </summary>
public sealed record GeopoliticalInput(
    string DeliveryCountry,
    string HqCountry,
    double? PoliticalStability,
    string ExposureCurrency,
    string ReportingCurrency,
    double? Volatility,
    string VolatilityDetail,
    double DeliveryOffsetHours,
    double HqOffsetHours,
    IReadOnlyList<string> DeliveryLanguages,
    string PrimaryLanguage,
    bool HighSensitivity,
    double BottomQuartileThreshold,
    CountryOverrideValues? Override);

/// <summary>A tenant's replacement values for one country; each one set replaces the computed value.</summary>
public sealed record CountryOverrideValues(double? PoliticalStability, double? CurrencyRisk, double? CommunicationRisk);

/// <summary>
/// DOMAIN.md's geopolitical score: min(100, 0.6 x country + 0.2 x currency + 0.2 x communication
/// + 10 for high-sensitivity data abroad in a bottom-quartile country). Missing data counts 50 for
/// its part, with a finding; a tenant override replaces any value.
/// </summary>
public static class GeopoliticalScore
{
    public const double MissingValue = 50;
    public const double FullVolatility = 0.25;
    public const double SensitivityAddition = 10;

    public static ScoreResult Compute(GeopoliticalInput input)
    {
        var factors = new List<Factor>();
        var findings = new List<Finding>();
        var abroad = input.DeliveryCountry != input.HqCountry;
        var overrides = input.Override;

        // Country.
        var stability = overrides?.PoliticalStability ?? input.PoliticalStability;
        var stabilitySource = overrides?.PoliticalStability is not null ? "tenant override" : "WGI 2025";
        double country;
        string countryDetail;
        if (!abroad)
        {
            country = 0;
            countryDetail = $"0: delivery in the head-office country {input.HqCountry}";
        }
        else if (stability is { } score)
        {
            country = 100 - score;
            countryDetail = $"100 - political stability {F2(score)} of {input.DeliveryCountry} ({stabilitySource}) = {F2(country)}";
        }
        else
        {
            country = MissingValue;
            countryDetail = $"50: no political-stability score for {input.DeliveryCountry}";
            findings.Add(new Finding(FindingCodes.NoReferenceData, $"No political-stability score for {input.DeliveryCountry} in the reference data: counted as 50."));
        }

        factors.Add(new Factor("country", 0.6 * country, $"0.6 x country {F2(country)}; {countryDetail}"));

        // Currency.
        double currency;
        string currencyDetail;
        if (overrides?.CurrencyRisk is { } currencyOverride)
        {
            currency = currencyOverride;
            currencyDetail = $"{F2(currency)} (tenant override for {input.DeliveryCountry})";
        }
        else if (input.ExposureCurrency == input.ReportingCurrency)
        {
            currency = 0;
            currencyDetail = $"0: exposure currency {input.ExposureCurrency} is the reporting currency";
        }
        else if (input.Volatility is { } s)
        {
            currency = Math.Min(100, 100 * s / FullVolatility);
            currencyDetail = $"min(100, 100 x {F4(s)} / 0.25) = {F2(currency)}; {input.ExposureCurrency} against {input.ReportingCurrency}, {input.VolatilityDetail}";
        }
        else
        {
            currency = MissingValue;
            currencyDetail = $"50: no rates for {input.ExposureCurrency} against {input.ReportingCurrency}";
            findings.Add(new Finding(FindingCodes.NoReferenceData, $"No exchange rates for {input.ExposureCurrency} against {input.ReportingCurrency}: currency counted as 50."));
        }

        factors.Add(new Factor("currency", 0.2 * currency, $"0.2 x currency {F2(currency)}; {currencyDetail}"));

        // Communication.
        double communication;
        string communicationDetail;
        if (overrides?.CommunicationRisk is { } communicationOverride)
        {
            communication = communicationOverride;
            communicationDetail = $"{F2(communication)} (tenant override for {input.DeliveryCountry})";
        }
        else
        {
            var hours = HoursApart(input.DeliveryOffsetHours, input.HqOffsetHours);
            var time = 100 * hours / 12;
            var speaks = input.DeliveryLanguages.Contains(input.PrimaryLanguage, StringComparer.OrdinalIgnoreCase);
            var language = speaks ? 0 : 100;
            communication = 0.6 * time + 0.4 * language;
            communicationDetail = $"0.6 x time {F2(time)} ({F2(hours)} h apart) + 0.4 x language {language} ("
                + (speaks ? $"the site speaks {input.PrimaryLanguage}" : $"the site does not speak {input.PrimaryLanguage}") + ")";
        }

        factors.Add(new Factor("communication", 0.2 * communication, $"0.2 x communication {F2(communication)}; {communicationDetail}"));

        var total = 0.6 * country + 0.2 * currency + 0.2 * communication;
        if (Policy.PolicyFindings.SensitiveDataInHighRiskCountry(abroad, input.HighSensitivity, stability, input.BottomQuartileThreshold) && stability is { } st)
        {
            total += SensitivityAddition;
            factors.Add(new Factor("sensitive data", SensitivityAddition,
                $"+10: high-sensitivity data in {input.DeliveryCountry}, stability {F2(st)} at or below the bottom quartile {F2(input.BottomQuartileThreshold)}"));
        }

        return new ScoreResult(Round2(Math.Min(100, total)), factors, findings);
    }

    /// <summary>Hours between two UTC offsets the shorter way round the clock (0 to 12).</summary>
    public static double HoursApart(double a, double b)
    {
        var d = Math.Abs(a - b) % 24;
        return Math.Min(d, 24 - d);
    }

    /// <summary>The floor(n/4)-th lowest score of the n economies (the bottom-quartile bound).</summary>
    public static double BottomQuartile(IEnumerable<double> scores)
    {
        var sorted = scores.Order().ToList();
        if (sorted.Count < 4)
        {
            return sorted.Count == 0 ? 0 : sorted[0];
        }

        return sorted[sorted.Count / 4 - 1];
    }
}
