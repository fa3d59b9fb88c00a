using NodaTime;
using Sourcing.Contracts;
using Sourcing.Risk.Policy;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Validation;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Recompute;

/// <summary>
/// Turns one tenant's loaded inputs into every engagement's scores, in memory, with the pure
/// scoring classes: costs in the reporting currency (captive costs shared by headcount), the
/// dependency shares over the active engagements, quality per engagement, geopolitical per
/// engagement, composite and band.
/// </summary>
public static class TenantScoring
{
    public static IReadOnlyList<ComputedScores> Compute(TenantInputs inputs)
    {
        var settings = inputs.Settings;
        var rows = DependencyRows(inputs, Active(inputs.Engagements));
        var dependency = DependencyScore.Compute(rows, inputs.EvaluationDate, settings.DependencyScore);
        var costs = rows.ToDictionary(r => r.EngagementId, r => r.Cost);

        var policy = PolicyFindings.Evaluate(inputs).ToLookup(f => f.EngagementId);
        var slasByEngagement = inputs.Slas.Where(s => s.Status != SlaStatuses.Retired).ToLookup(s => s.EngagementId);
        var results = new List<ComputedScores>(inputs.Engagements.Count);
        foreach (var e in inputs.Engagements)
        {
            var quality = QualityScore.Compute(
                [.. slasByEngagement[e.Id].Select(s => new QualitySla(
                    s.Id, s.Metric, s.Period, (double)s.Weight,
                    inputs.SlaFigures.TryGetValue(s.Id, out var f) ? f.Stats : SlaWindowStats.Empty,
                    s.StaleFrom))],
                e.LocationGrade,
                inputs.EvaluationDate,
                settings.QualityScore,
                e.LocationGapHours,
                e.LocationGapYear);
            var geopolitical = GeopoliticalScore.Compute(GeopoliticalInputFor(inputs, e));
            var dep = dependency.GetValueOrDefault(e.Id);
            var composite = CompositeScore.Compute(
                quality.Value, dep?.Value, geopolitical.Value,
                (double)settings.RiskWeights.Quality, (double)settings.RiskWeights.Dependency, (double)settings.RiskWeights.Geopolitical);
            var band = composite is { } c
                ? CompositeScore.Band(c, (double)settings.BandThresholds.Medium, (double)settings.BandThresholds.High, (double)settings.BandThresholds.Critical)
                : null;
            results.Add(new ComputedScores(e.Id, quality, dep, geopolitical, composite, band, costs.GetValueOrDefault(e.Id), [.. policy[e.Id]]));
        }

        return results;
    }

    /// <summary>The engagements the dependency score counts: the active ones.</summary>
    public static List<Engagement> Active(IEnumerable<Engagement> engagements) =>
        [.. engagements.Where(e => e.Status == EngagementValues.Active)];

    /// <summary>
    /// The dependency score's input rows for a portfolio of active engagements, each costed by
    /// <see cref="Costs"/>. The recompute passes every active engagement; the failure what-if passes
    /// the portfolio without the failed source, so both score with the same rules.
    /// </summary>
    public static IReadOnlyList<DependencyEngagement> DependencyRows(TenantInputs inputs, IReadOnlyList<Engagement> active)
    {
        var costs = Costs(inputs, active);
        return [.. active.Select(e => new DependencyEngagement(
            e.Id,
            SourceKey(e),
            SourceName(inputs, e),
            e.SourceKind,
            e.BusinessProcess,
            e.Criticality == EngagementValues.Critical,
            costs[e.Id].Cost,
            costs[e.Id].Detail,
            e.Contract?.End,
            e.Contract?.NoticePeriodDays))];
    }

    public static string SourceKey(Engagement e) => $"{e.SourceKind}:{e.ProviderId ?? e.CaptiveCentreId}";

    public static string SourceName(TenantInputs inputs, Engagement e) =>
        e.ProviderId is { } p && inputs.Providers.TryGetValue(p, out var provider) ? provider.LegalName
        : e.CaptiveCentreId is { } c && inputs.Centres.TryGetValue(c, out var centre) ? centre.LegalEntity
        : SourceKey(e);

    /// <summary>
    /// Each active engagement's annual cost in the reporting currency, or null with the reason: its
    /// contract's annual value (third parties and partnerships alike), except a captive centre's
    /// engagements, which share the centre's operating cost (DOMAIN.md).
    /// </summary>
    public static Dictionary<Guid, (double? Cost, string Detail)> Costs(TenantInputs inputs, IReadOnlyList<Engagement> active)
    {
        var reporting = inputs.Settings.ReportingCurrency;
        return EngagementCosts.Native(active, inputs.Centres).ToDictionary(
            c => c.Key,
            c => c.Value is { Amount: { } amount, Currency: { } currency }
                ? Convert(amount, currency, reporting, inputs, c.Value.What)
                : (null, c.Value.What));
    }

    private static (double?, string) Convert(double amount, string currency, string reporting, TenantInputs inputs, string what)
    {
        var converted = inputs.Reference.Rates.Convert(amount, currency, reporting, inputs.EvaluationDate);
        return converted is { } c
            ? (c.Amount, $"{what} {F2(amount)} {currency} at {F4(c.Rate)} ({c.RateDate:yyyy-MM-dd}) = {F2(c.Amount)} {reporting}")
            : (null, $"no exchange rate for {currency} against {reporting}");
    }

    private static GeopoliticalInput GeopoliticalInputFor(TenantInputs inputs, Engagement e)
    {
        var settings = inputs.Settings;
        var reference = inputs.Reference.CountriesByIso2.GetValueOrDefault(e.DeliveryCountry);
        string exposure;
        if (e.SourceKind == SourceKinds.Provider)
        {
            exposure = e.Contract?.Currency ?? "(no contract currency)";
        }
        else
        {
            var country = e.CaptiveCentreId is { } id && inputs.Centres.TryGetValue(id, out var centre) ? centre.Country : e.DeliveryCountry;
            exposure = IsoCodes.CurrencyOf(country) ?? $"(no currency for {country})";
        }

        var volatility = exposure == settings.ReportingCurrency ? null : inputs.Volatility(exposure, settings.ReportingCurrency);
        var noon = Instant.FromUtc(inputs.EvaluationDate.Year, inputs.EvaluationDate.Month, inputs.EvaluationDate.Day, 12, 0);
        var languages = e.DeliveryLanguages.Count > 0 ? e.DeliveryLanguages : IsoCodes.LanguagesOf(e.DeliveryCountry);
        return new GeopoliticalInput(
            e.DeliveryCountry,
            settings.HqCountry,
            reference?.PoliticalStability is { } s ? (double)s : null,
            exposure,
            settings.ReportingCurrency,
            volatility?.Volatility,
            volatility is { } v ? $"{v.Returns} daily returns to {v.End:yyyy-MM-dd}" : "",
            OffsetHours(e.DeliveryTimeZone, noon),
            OffsetHours(settings.TimeZone, noon),
            languages,
            settings.WorkingLanguages.Count > 0 ? settings.WorkingLanguages[0] : "en",
            PolicyFindings.HighSensitivity(e),
            inputs.Reference.BottomQuartile,
            inputs.Overrides.GetValueOrDefault(e.DeliveryCountry),
            settings.GeopoliticalWeights,
            inputs.EvaluationDate);
    }

    /// <summary>The zone's UTC offset in hours at the instant; null when the zone is unknown (missing data, never 0).</summary>
    private static double? OffsetHours(string zoneId, Instant instant) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } zone ? zone.GetUtcOffset(instant).Seconds / 3600.0 : null;
}
