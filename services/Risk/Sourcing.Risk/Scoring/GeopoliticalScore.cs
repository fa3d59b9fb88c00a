using Sourcing.Contracts;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Scoring;

/// <summary>
/// The inputs of one engagement's geopolitical score, already looked up: the delivery country's
/// stability score (null when missing from the data), the currency volatility (null when missing),
/// the UTC offsets at 12:00 UTC on the evaluation date (null when a zone is unknown), the tenant's
/// overrides and weights (DOMAIN's defaults when null).
/// </summary>
public sealed record GeopoliticalInput(
    string DeliveryCountry,
    string HqCountry,
    double? PoliticalStability,
    string ExposureCurrency,
    string ReportingCurrency,
    double? Volatility,
    string VolatilityDetail,
    double? DeliveryOffsetHours,
    double? HqOffsetHours,
    IReadOnlyList<string> DeliveryLanguages,
    string PrimaryLanguage,
    bool HighSensitivity,
    double BottomQuartileThreshold,
    CountryOverrideValues? Override,
    GeopoliticalWeights? Weights = null,
    DateOnly? EvaluationDate = null);

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
        var weights = input.Weights ?? new GeopoliticalWeights();
        var wCountry = (double)weights.Country;
        var wCurrency = (double)weights.Currency;
        var wCommunication = (double)weights.Communication;
        var wTime = (double)weights.Time;
        var wLanguage = (double)weights.Language;
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

        factors.Add(new Factor("country", wCountry * country, $"{N(wCountry)} x country {F2(country)}; {countryDetail}"));

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
            currency = CurrencyPart(s);
            currencyDetail = $"min(100, 100 x {F4(s)} / 0.25) = {F2(currency)}; {input.ExposureCurrency} against {input.ReportingCurrency}, {input.VolatilityDetail}";
        }
        else
        {
            currency = MissingValue;
            currencyDetail = $"50: no rates for {input.ExposureCurrency} against {input.ReportingCurrency}";
            findings.Add(new Finding(FindingCodes.NoReferenceData, $"No exchange rates for {input.ExposureCurrency} against {input.ReportingCurrency}: currency counted as 50."));
        }

        factors.Add(new Factor("currency", wCurrency * currency, $"{N(wCurrency)} x currency {F2(currency)}; {currencyDetail}"));

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
            // DOMAIN's communication time gap: the offsets at 12:00 UTC on the evaluation date, not the
            // location gap (15 January / 15 July mean) that the grade is read from.
            var on = input.EvaluationDate is { } date ? $" at 12:00 UTC on {date:yyyy-MM-dd}" : "";
            double time;
            string timeDetail;
            if (input.DeliveryOffsetHours is { } delivery && input.HqOffsetHours is { } hq)
            {
                var hours = HoursApart(delivery, hq);
                time = 100 * hours / 12;
                timeDetail = $"time {F2(time)} ({N(hours)} h between the site's and HQ's time{on})";
            }
            else
            {
                // An unknown zone is missing data, never a gap of 0 h.
                time = MissingValue;
                var which = input.DeliveryOffsetHours is null ? "the delivery site's" : "HQ's";
                timeDetail = $"time 50 ({which} time zone is unknown)";
                findings.Add(new Finding(FindingCodes.NoReferenceData, $"The time zone of {which[..^2]} is unknown: the time part of communication counted as 50."));
            }

            var speaks = input.DeliveryLanguages.Contains(input.PrimaryLanguage, StringComparer.OrdinalIgnoreCase);
            var language = speaks ? 0 : 100;
            communication = wTime * time + wLanguage * language;
            communicationDetail = $"{N(wTime)} x {timeDetail} + {N(wLanguage)} x language {language} ("
                + (speaks ? $"the site speaks {input.PrimaryLanguage}" : $"the site does not speak {input.PrimaryLanguage}") + ")";
        }

        factors.Add(new Factor("communication", wCommunication * communication, $"{N(wCommunication)} x communication {F2(communication)}; {communicationDetail}"));

        var total = wCountry * country + wCurrency * currency + wCommunication * communication;
        if (Policy.PolicyFindings.SensitiveDataInHighRiskCountry(abroad, input.HighSensitivity, stability, input.BottomQuartileThreshold) && stability is { } st)
        {
            total += SensitivityAddition;
            factors.Add(new Factor("sensitive data", SensitivityAddition,
                $"+10: high-sensitivity data in {input.DeliveryCountry}, stability {F2(st)} at or below the bottom quartile {F2(input.BottomQuartileThreshold)}"));
        }

        return new ScoreResult(Round2(Math.Min(100, total)), factors, findings);
    }

    /// <summary>DOMAIN.md's currency part: min(100, 100 x s / 0.25) for the annualised volatility s.</summary>
    public static double CurrencyPart(double volatility) => Math.Min(100, 100 * volatility / FullVolatility);

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
