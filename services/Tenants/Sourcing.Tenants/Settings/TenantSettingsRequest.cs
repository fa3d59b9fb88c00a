using System.ComponentModel.DataAnnotations;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Tenants.Settings;

/// <summary>
/// The whole of a tenant's settings, as an admin sends them: every field required but the score
/// settings (qualityScore, dependencyScore, geopoliticalWeights), which take DOMAIN's defaults when left out.
/// </summary>
public sealed record TenantSettingsRequest(
    [property: Required, MaxLength(200)] string? Name,
    [property: Required, MaxLength(2)] string? HqCountry,
    [property: Required, MaxLength(3)] string? ReportingCurrency,
    [property: Required, MaxLength(64)] string? TimeZone,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string>? WorkingLanguages,
    [property: Required] RiskWeightsRequest? RiskWeights,
    [property: Required] BandThresholdsRequest? BandThresholds,
    [property: Required] PolicyChecksRequest? PolicyChecks,
    [property: Required, OneOf(typeof(BusinessProcesses))] IReadOnlyList<string>? NotToOffshoreProcesses,
    [property: Required, Range(typeof(decimal), "0", "100", MinimumIsExclusive = true)] decimal? CountryConcentrationThresholdPercent,
    QualityScoreSettingsRequest? QualityScore = null,
    DependencyScoreSettingsRequest? DependencyScore = null,
    GeopoliticalWeightsRequest? GeopoliticalWeights = null)
{
    /// <summary>The request that would set <paramref name="s"/> (what a merge patch is applied to).</summary>
    public static TenantSettingsRequest From(TenantSettings s) => new(
        s.Name,
        s.HqCountry,
        s.ReportingCurrency,
        s.TimeZone,
        s.WorkingLanguages,
        new RiskWeightsRequest(s.RiskWeights.Quality, s.RiskWeights.Dependency, s.RiskWeights.Geopolitical),
        new BandThresholdsRequest(s.BandThresholds.Medium, s.BandThresholds.High, s.BandThresholds.Critical),
        new PolicyChecksRequest(
            s.PolicyChecks.NotAdvisableToOffshore,
            s.PolicyChecks.SensitiveDataInHighRiskCountry,
            s.PolicyChecks.SensitiveDataWithoutCertification,
            s.PolicyChecks.SingleSourcedCriticalProcess,
            s.PolicyChecks.CoreProcessOutsourced,
            s.PolicyChecks.NotMonitored),
        s.NotToOffshoreProcesses,
        s.CountryConcentrationThresholdPercent,
        new QualityScoreSettingsRequest(
            s.QualityScore.WindowDays, s.QualityScore.TrendAddition, s.QualityScore.TrendThreshold,
            s.QualityScore.NearshoreAddition, s.QualityScore.OffshoreAddition),
        new DependencyScoreSettingsRequest(
            s.DependencyScore.SingleSourceAddition, s.DependencyScore.ExitAddition,
            s.DependencyScore.LongRemainingMonths, s.DependencyScore.LongNoticeDays),
        new GeopoliticalWeightsRequest(
            s.GeopoliticalWeights.Country, s.GeopoliticalWeights.Currency, s.GeopoliticalWeights.Communication,
            s.GeopoliticalWeights.Time, s.GeopoliticalWeights.Language));

    /// <summary>Validates every field, naming each failure; returns the settings when all pass.</summary>
    public TenantSettings? Validate(ValidationErrors errors, int version)
    {
        errors.Required("name", Name);
        errors.Country("hqCountry", HqCountry);
        errors.Currency("reportingCurrency", ReportingCurrency);
        errors.TimeZone("timeZone", TimeZone);
        ValidateLanguages(errors);
        var weights = RiskWeights?.Validate(errors);
        if (RiskWeights is null)
        {
            errors.Add("riskWeights", "is required.");
        }

        var thresholds = BandThresholds?.Validate(errors);
        if (BandThresholds is null)
        {
            errors.Add("bandThresholds", "is required.");
        }

        var checks = PolicyChecks?.Validate(errors);
        if (PolicyChecks is null)
        {
            errors.Add("policyChecks", "is required.");
        }

        ValidateProcesses(errors);
        if (errors.Required("countryConcentrationThresholdPercent", CountryConcentrationThresholdPercent)
            && CountryConcentrationThresholdPercent is <= 0 or > 100)
        {
            errors.Add("countryConcentrationThresholdPercent", "must be greater than 0 and at most 100.");
        }

        var quality = (QualityScore ?? new QualityScoreSettingsRequest(null, null, null, null, null)).Validate(errors);
        var dependency = (DependencyScore ?? new DependencyScoreSettingsRequest(null, null, null, null)).Validate(errors);
        var geopolitical = (GeopoliticalWeights ?? new GeopoliticalWeightsRequest(null, null, null, null, null)).Validate(errors);
        if (errors.Any)
        {
            return null;
        }

        return new TenantSettings
        {
            Name = Name!.Trim(),
            HqCountry = HqCountry!,
            ReportingCurrency = ReportingCurrency!,
            TimeZone = TimeZone!,
            WorkingLanguages = WorkingLanguages!,
            RiskWeights = weights!,
            BandThresholds = thresholds!,
            PolicyChecks = checks!,
            NotToOffshoreProcesses = NotToOffshoreProcesses!.Distinct().ToList(),
            CountryConcentrationThresholdPercent = CountryConcentrationThresholdPercent!.Value,
            QualityScore = quality!,
            DependencyScore = dependency!,
            GeopoliticalWeights = geopolitical!,
            Version = version,
        };
    }

    private void ValidateLanguages(ValidationErrors errors)
    {
        if (WorkingLanguages is null || WorkingLanguages.Count == 0)
        {
            errors.Add("workingLanguages", "must name at least one language (ISO 639-1; the first is primary).");
            return;
        }

        if (WorkingLanguages.Count > 20)
        {
            errors.Add("workingLanguages", "must name at most 20 languages.");
        }

        for (var i = 0; i < WorkingLanguages.Count; i++)
        {
            if (WorkingLanguages[i] is not { } language || !IsoCodes.IsLanguage(language))
            {
                errors.Add($"workingLanguages[{i}]", $"'{WorkingLanguages[i]}' is not a language code (ISO 639-1, or 639-2 where there is no two-letter code).");
            }
        }

        if (WorkingLanguages.Distinct().Count() != WorkingLanguages.Count)
        {
            errors.Add("workingLanguages", "must not repeat a language.");
        }
    }

    private void ValidateProcesses(ValidationErrors errors)
    {
        if (NotToOffshoreProcesses is null)
        {
            errors.Add("notToOffshoreProcesses", "is required (send [] for none).");
            return;
        }

        for (var i = 0; i < NotToOffshoreProcesses.Count; i++)
        {
            if (!BusinessProcesses.All.Contains(NotToOffshoreProcesses[i]))
            {
                errors.Add(
                    $"notToOffshoreProcesses[{i}]",
                    $"'{NotToOffshoreProcesses[i]}' is not a business process (one of: {string.Join(", ", BusinessProcesses.All)}).");
            }
        }
    }
}

public sealed record RiskWeightsRequest(
    [property: Required, Range(typeof(decimal), "0", "1")] decimal? Quality,
    [property: Required, Range(typeof(decimal), "0", "1")] decimal? Dependency,
    [property: Required, Range(typeof(decimal), "0", "1")] decimal? Geopolitical)
{
    private const decimal Tolerance = 0.0001m;

    public RiskWeights? Validate(ValidationErrors errors)
    {
        var ok = Weight(errors, "riskWeights.quality", Quality)
            & Weight(errors, "riskWeights.dependency", Dependency)
            & Weight(errors, "riskWeights.geopolitical", Geopolitical);
        if (!ok)
        {
            return null;
        }

        var sum = Quality!.Value + Dependency!.Value + Geopolitical!.Value;
        if (Math.Abs(sum - 1m) > Tolerance)
        {
            errors.Add("riskWeights", $"must add up to 1 (quality + dependency + geopolitical = {sum}).");
            return null;
        }

        return new RiskWeights(Quality.Value, Dependency.Value, Geopolitical.Value);
    }

    private static bool Weight(ValidationErrors errors, string field, decimal? value)
    {
        if (!errors.Required(field, value))
        {
            return false;
        }

        if (value is < 0 or > 1)
        {
            errors.Add(field, "must be between 0 and 1.");
            return false;
        }

        return true;
    }
}

public sealed record BandThresholdsRequest(
    [property: Required, Range(typeof(decimal), "0", "100", MinimumIsExclusive = true)] decimal? Medium,
    [property: Required, Range(typeof(decimal), "0", "100", MinimumIsExclusive = true)] decimal? High,
    [property: Required, Range(typeof(decimal), "0", "100", MinimumIsExclusive = true)] decimal? Critical)
{
    public BandThresholds? Validate(ValidationErrors errors)
    {
        var ok = errors.Required("bandThresholds.medium", Medium)
            & errors.Required("bandThresholds.high", High)
            & errors.Required("bandThresholds.critical", Critical);
        if (!ok)
        {
            return null;
        }

        if (!(Medium > 0 && Medium < High && High < Critical && Critical <= 100))
        {
            errors.Add("bandThresholds", "must satisfy 0 < medium < high < critical <= 100.");
            return null;
        }

        return new BandThresholds(Medium!.Value, High!.Value, Critical!.Value);
    }
}

public sealed record PolicyChecksRequest(
    [property: Required] bool? NotAdvisableToOffshore,
    [property: Required] bool? SensitiveDataInHighRiskCountry,
    [property: Required] bool? SensitiveDataWithoutCertification,
    [property: Required] bool? SingleSourcedCriticalProcess,
    [property: Required] bool? CoreProcessOutsourced,
    [property: Required] bool? NotMonitored)
{
    public PolicyChecks? Validate(ValidationErrors errors)
    {
        var ok = errors.Required("policyChecks.notAdvisableToOffshore", NotAdvisableToOffshore)
            & errors.Required("policyChecks.sensitiveDataInHighRiskCountry", SensitiveDataInHighRiskCountry)
            & errors.Required("policyChecks.sensitiveDataWithoutCertification", SensitiveDataWithoutCertification)
            & errors.Required("policyChecks.singleSourcedCriticalProcess", SingleSourcedCriticalProcess)
            & errors.Required("policyChecks.coreProcessOutsourced", CoreProcessOutsourced)
            & errors.Required("policyChecks.notMonitored", NotMonitored);
        return ok
            ? new PolicyChecks(
                NotAdvisableToOffshore!.Value,
                SensitiveDataInHighRiskCountry!.Value,
                SensitiveDataWithoutCertification!.Value,
                SingleSourcedCriticalProcess!.Value,
                CoreProcessOutsourced!.Value,
                NotMonitored!.Value)
            : null;
    }
}
