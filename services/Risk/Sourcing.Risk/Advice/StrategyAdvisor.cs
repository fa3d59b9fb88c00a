using NodaTime;
using Sourcing.Contracts;
using Sourcing.Risk.Policy;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Validation;
using static Sourcing.Risk.Scoring.Numbers;

namespace Sourcing.Risk.Advice;

/// <summary>A candidate country for the options abroad, with the delivery site's IANA time zone.</summary>
public sealed record AdviceCandidate(string Country, string TimeZone);

/// <summary>
/// The question, validated: the process to move, its scope (whole-process or task), how long it is needed, its volume,
/// whether it is core, its data sensitivity and criticality, the candidate countries, the priorities (0 to 3 each, by
/// <see cref="Priorities"/>' names), the expected annual cost and its currency (both optional) and the risk weight.
/// </summary>
public sealed record AdviceQuestion(
    string Process,
    string Scope,
    int Months,
    int? Headcount,
    bool Core,
    IReadOnlyList<string> DataSensitivity,
    string Criticality,
    IReadOnlyList<AdviceCandidate> Candidates,
    IReadOnlyDictionary<string, int> Priorities,
    decimal? ExpectedAnnualCost,
    string? Currency,
    double RiskWeight);

/// <summary>What a priority added to an option: the tenant's weight x the option's fit.</summary>
public sealed record PriorityPoints(string Priority, int Weight, int Fit, int Points);

/// <summary>A policy check the option would fail.</summary>
public sealed record PolicyFailure(string Check, string Message);

/// <summary>The option's projected scores with the portfolio as it would become (no quality score: nothing is measured yet).</summary>
public sealed record ProjectedRisk(double? Dependency, double? Geopolitical, double Composite, double Penalty, IReadOnlyList<string> Details);

/// <summary>The portfolio's concentration before and after: the process's HHI, and the option's foreign country's share of critical and important cost.</summary>
public sealed record ConcentrationChange(double? ProcessHhiBefore, double? ProcessHhiAfter, double? CountrySharePercentBefore, double? CountrySharePercentAfter);

/// <summary>The currency the option adds exposure to, its volatility against the reporting currency, and the annual cost in both.</summary>
public sealed record CurrencyExposure(string Currency, double? Volatility, decimal? AnnualCost, double? AnnualCostInReportingCurrency);

/// <summary>One option (at one candidate country for those abroad), scored, or not applicable with the reason.</summary>
public sealed record OptionAdvice(
    int? Rank,
    string Code,
    string Label,
    string? Country,
    string? CountryName,
    string? TimeZone,
    bool Applicable,
    string? NotApplicableReason,
    string? Classification,
    string? LocationGrade,
    double? LocationGapHours,
    double? OverlapHours,
    IReadOnlyList<PriorityPoints> Fits,
    int PriorityPoints,
    int InvestmentNeeded,
    int InvestmentPenalty,
    IReadOnlyList<PolicyFailure> PolicyFailures,
    int PolicyPenalty,
    ProjectedRisk? Risk,
    ConcentrationChange? Concentration,
    CurrencyExposure? Exposure,
    double? Score,
    IReadOnlyList<string> Reasons);

/// <summary>The ranking, best first, then the options that do not apply; which factors decided it; a one-line summary.</summary>
public sealed record AdviceResult(
    DateOnly EvaluationDate,
    string HqCountry,
    string HqTimeZone,
    string ReportingCurrency,
    double RiskWeight,
    IReadOnlyList<OptionAdvice> Options,
    IReadOnlyList<string> DecidedBy,
    string Summary);

/// <summary>
/// DOMAIN.md's strategy advice, pure computation over the tenant's inputs and the reference data: each option of the
/// table (at each candidate country for those abroad) is scored as the sum of priority x fit, less 3 per point of
/// investment beyond the willingness to invest, less 15 per policy check the arrangement would fail (not counting
/// <i>not monitored</i>; the certification check is not judged before a provider is chosen), less the projected
/// composite risk x the risk weight. The projected scores come from the same code as the real ones: the option is
/// added to the portfolio as a hypothetical active engagement (with a hypothetical source) and the tenant is
/// scored as it would become.
/// </summary>
public static class StrategyAdvisor
{
    public const double DefaultRiskWeight = 0.1;
    public const int PolicyPenaltyPerCheck = 15;
    public const int InvestmentPenaltyPerPoint = 3;
    public const double FollowTheSunGapHours = 6;
    public const int FollowTheSunBonus = 2;
    public const double WorkdayStartHour = 9;
    public const double WorkdayEndHour = 17;

    private static readonly string[] NotJudged = [PolicyCheckCodes.NotMonitored, PolicyCheckCodes.SensitiveDataWithoutCertification];

    public static AdviceResult Advise(AdviceQuestion question, TenantInputs inputs)
    {
        var settings = inputs.Settings;
        var evaluated = new List<(OptionAdvice Advice, int Row, int Candidate)>();
        foreach (var (option, row) in StrategyOptions.All.Select((o, i) => (o, i)))
        {
            if (!option.Abroad)
            {
                evaluated.Add((Evaluate(option, settings.HqCountry, settings.TimeZone, question, inputs), row, 0));
                continue;
            }

            if (question.Candidates.Count == 0)
            {
                evaluated.Add((NotApplicable(option, null, null, inputs, "no candidate country was given for an arrangement abroad."), row, 0));
                continue;
            }

            foreach (var (candidate, index) in question.Candidates.Select((c, i) => (c, i)))
            {
                evaluated.Add((Evaluate(option, candidate.Country, candidate.TimeZone, question, inputs), row, index));
            }
        }

        var ranked = evaluated
            .Where(x => x.Advice.Applicable)
            .OrderByDescending(x => x.Advice.Score)
            .ThenBy(x => x.Advice.Risk?.Composite ?? 0)
            .ThenBy(x => x.Row)
            .ThenBy(x => x.Candidate)
            .Select((x, i) => x.Advice with { Rank = i + 1 })
            .ToList();
        var options = ranked.Concat(evaluated.Where(x => !x.Advice.Applicable).Select(x => x.Advice)).ToList();
        var decidedBy = DecidedBy(ranked);
        var summary = ranked.Count == 0
            ? "No option applies."
            : $"Recommended: {Name(ranked[0])} (score {F2(ranked[0].Score!.Value)}).";
        return new AdviceResult(inputs.EvaluationDate, settings.HqCountry, settings.TimeZone, settings.ReportingCurrency, question.RiskWeight, options, decidedBy, summary);
    }

    private static OptionAdvice Evaluate(StrategyOption option, string country, string timeZone, AdviceQuestion question, TenantInputs inputs)
    {
        var settings = inputs.Settings;
        if (NotApplicableReason(option, question) is { } reason)
        {
            return NotApplicable(option, country, timeZone, inputs, reason);
        }

        var reasons = new List<string> { option.Reason };
        var year = inputs.EvaluationDate.Year;
        var gap = option.Abroad ? MeanGapHours(timeZone, settings.TimeZone, year) : 0;
        var grade = !option.Abroad || country == settings.HqCountry ? "onshore" : gap <= 3 ? "nearshore" : "offshore";
        var overlap = OverlapHours(timeZone, settings.TimeZone, inputs.EvaluationDate);

        var fits = new List<PriorityPoints>();
        foreach (var priority in Priorities.Fitted)
        {
            var fit = option.Fit[priority];
            if (priority == Priorities.Coverage && option.Abroad && gap >= FollowTheSunGapHours)
            {
                fit += FollowTheSunBonus;
                reasons.Add($"Round-the-clock fit +{FollowTheSunBonus}: the site is {N(gap)} hours from head office (6 or more: follow-the-sun).");
            }

            var weight = question.Priorities.GetValueOrDefault(priority);
            fits.Add(new PriorityPoints(priority, weight, fit, weight * fit));
        }

        var willingness = question.Priorities.GetValueOrDefault(Priorities.Investment);
        var investmentPenalty = InvestmentPenaltyPerPoint * Math.Max(0, option.Investment - willingness);
        if (investmentPenalty > 0)
        {
            reasons.Add($"It needs investment {option.Investment} against a willingness to invest of {willingness}: -{investmentPenalty}.");
        }

        var priorityPoints = fits.Sum(f => f.Points);
        if (option.SourceKind is null)
        {
            reasons.Add("Keeping the work in-house carries no sourcing risk and fails no sourcing policy.");
            var inHouse = priorityPoints - investmentPenalty;
            return new OptionAdvice(
                null, option.Code, option.Label, country, CountryName(inputs, country), timeZone, true, null, "in-house (no sourcing arrangement)", grade, 0, overlap,
                fits, priorityPoints, option.Investment, investmentPenalty, [], 0, new ProjectedRisk(null, null, 0, 0, []), null, null, inHouse, reasons);
        }

        var (what, hypothetical) = WithHypothetical(option, country, timeZone, grade, gap, question, inputs);
        var scores = TenantScoring.Compute(what);
        var mine = scores.Single(s => s.EngagementId == hypothetical.Id);
        var failures = mine.Policy.Where(p => !NotJudged.Contains(p.Check)).Select(p => new PolicyFailure(p.Check, p.Message)).ToList();
        reasons.AddRange(failures.Select(f => $"Fails the policy check {f.Check}: {f.Message} (-{PolicyPenaltyPerCheck})"));
        var weights = settings.RiskWeights;
        var dependency = mine.Dependency?.Value;
        var geopolitical = mine.Geopolitical.Value;
        var composite = CompositeScore.Compute(null, dependency, geopolitical, 0, (double)weights.Dependency, (double)weights.Geopolitical) ?? 0;
        var penalty = Round2(composite * question.RiskWeight);
        var details = new List<string>();
        if (mine.Dependency is { } dep)
        {
            details.AddRange(dep.Factors.Select(f => $"dependency {f.Name}: {f.Detail}"));
        }
        else
        {
            details.Add(option.SourceKind == SourceKinds.CaptiveCentre
                ? "dependency: none of its own (a captive centre is the tenant's own; DOMAIN.md)"
                : "dependency: no expected annual cost given, so no cost share");
        }

        details.AddRange(mine.Geopolitical.Factors.Select(f => $"geopolitical {f.Name}: {f.Detail}"));
        reasons.Add($"Projected risk {F2(composite)} (dependency {(dependency is { } d ? F2(d) : "none")}, geopolitical {F2(geopolitical ?? 0)}) x risk weight {N(question.RiskWeight)}: -{F2(penalty)}.");

        var exposureCurrency = hypothetical.SourceKind == SourceKinds.Provider
            ? hypothetical.Contract!.Currency!
            : what.Centres[hypothetical.CaptiveCentreId!.Value].Currency!;
        var volatility = exposureCurrency == settings.ReportingCurrency ? null : inputs.Volatility(exposureCurrency, settings.ReportingCurrency);
        var exposure = new CurrencyExposure(exposureCurrency, volatility is { } v ? Math.Round(v.Volatility, 4) : null, question.ExpectedAnnualCost, mine.Cost is { } c ? Round2(c) : null);
        if (exposureCurrency != settings.ReportingCurrency)
        {
            reasons.Add(volatility is { } vol
                ? $"Adds exposure to {exposureCurrency}, annualised volatility {F2(100 * vol.Volatility)} % against {settings.ReportingCurrency}."
                : $"Adds exposure to {exposureCurrency}, for which the reference data has no volatility against {settings.ReportingCurrency}.");
        }

        var concentration = new ConcentrationChange(
            ProcessHhi(inputs, question.Process), ProcessHhi(what, question.Process),
            option.Abroad ? CountryShare(inputs, country) : null, option.Abroad ? CountryShare(what, country) : null);
        var score = Round2(priorityPoints - investmentPenalty - (PolicyPenaltyPerCheck * failures.Count) - penalty);
        return new OptionAdvice(
            null, option.Code, option.Label, country, CountryName(inputs, country), timeZone, true, null,
            Classification(option, question.Process), grade, Round2(gap), overlap, fits, priorityPoints, option.Investment, investmentPenalty,
            failures, PolicyPenaltyPerCheck * failures.Count, new ProjectedRisk(dependency, geopolitical, composite, penalty, details), concentration, exposure, score, reasons);
    }

    private static OptionAdvice NotApplicable(StrategyOption option, string? country, string? timeZone, TenantInputs inputs, string reason) =>
        new(null, option.Code, option.Label, country, country is null ? null : CountryName(inputs, country), timeZone, false, reason, null, null, null, null,
            [], 0, option.Investment, 0, [], 0, null, null, null, null, [option.Reason]);

    /// <summary>Why the option does not apply to the question (DOMAIN.md's "applies when"), or null when it does.</summary>
    public static string? NotApplicableReason(StrategyOption option, AdviceQuestion question)
    {
        var task = question.Scope == EngagementScopes.Task;
        return option.Applies switch
        {
            Applicability.Always => null,
            Applicability.Task when task || question.Months < 12 => null,
            Applicability.Task => $"it suits a task or project, or work needed under 12 months; this is the whole process for {question.Months} months.",
            Applicability.Bpo when !task && question.Months >= 12 => null,
            Applicability.Bpo => task
                ? "it suits a whole process; this is a task or project."
                : $"it suits a whole process needed 12 months or more; this is needed for {question.Months} months.",
            Applicability.LongTerm when question.Months >= 24 => null,
            Applicability.LongTerm => $"it pays off only when the work is needed 24 months or more; this is needed for {question.Months} months.",
            _ => $"unknown applicability '{option.Applies}' in the options table.",
        };
    }

    /// <summary>The tenant's inputs with the option added as an active engagement of a new source (and the source's centre record for a captive centre or partnership).</summary>
    private static (TenantInputs What, Engagement Hypothetical) WithHypothetical(
        StrategyOption option, string country, string timeZone, string grade, double gap, AdviceQuestion question, TenantInputs inputs)
    {
        var settings = inputs.Settings;
        var sourceId = Guid.NewGuid();
        var thirdParty = option.SourceKind == SourceKinds.Provider;
        // DOMAIN.md: without a currency a third party is paid in the reporting currency, a captive centre or partnership in the country's own.
        var currency = question.Currency ?? (thirdParty ? settings.ReportingCurrency : IsoCodes.CurrencyOf(country) ?? settings.ReportingCurrency);
        var engagement = new Engagement
        {
            TenantId = inputs.TenantId,
            Id = Guid.NewGuid(),
            Name = option.Label,
            SourceKind = option.SourceKind!,
            ProviderId = thirdParty ? sourceId : null,
            CaptiveCentreId = thirdParty ? null : sourceId,
            BusinessProcess = question.Process,
            DeliveryCountry = country,
            DeliveryTimeZone = timeZone,
            PlaceOfWork = "provider-premises",
            Headcount = question.Headcount,
            Core = question.Core,
            DataSensitivity = [.. question.DataSensitivity],
            Criticality = question.Criticality,
            Status = EngagementValues.Active,
            LocationGrade = grade,
            LocationGapHours = (decimal)Round2(gap),
            LocationGapYear = inputs.EvaluationDate.Year,
            Contract = option.SourceKind == SourceKinds.CaptiveCentre
                ? null
                : new ContractTerms
                {
                    Start = inputs.EvaluationDate,
                    End = inputs.EvaluationDate.AddMonths(question.Months),
                    NoticePeriodDays = 0,
                    AutoRenewal = false,
                    PricingModel = "fixed-fee",
                    AnnualValue = question.ExpectedAnnualCost,
                    Currency = currency,
                },
        };
        var centres = new Dictionary<Guid, CaptiveCentre>(inputs.Centres);
        if (!thirdParty)
        {
            centres[sourceId] = new CaptiveCentre
            {
                TenantId = inputs.TenantId,
                Id = sourceId,
                LegalEntity = option.Label,
                Country = country,
                Kind = option.SourceKind!,
                Headcount = question.Headcount,
                AnnualOperatingCost = option.SourceKind == SourceKinds.CaptiveCentre ? question.ExpectedAnnualCost : null,
                Currency = currency,
            };
        }

        return (inputs with { Engagements = [.. inputs.Engagements, engagement], Centres = centres }, engagement);
    }

    /// <summary>The HHI of the sources' cost shares within the process (active engagements with a known cost); null when none has one.</summary>
    public static double? ProcessHhi(TenantInputs inputs, string process)
    {
        var active = inputs.Engagements.Where(e => e.Status == EngagementValues.Active).ToList();
        var costs = TenantScoring.Costs(inputs, active);
        var bySource = active
            .Where(e => e.BusinessProcess == process && costs.GetValueOrDefault(e.Id).Cost is not null)
            .GroupBy(TenantScoring.SourceKey)
            .Select(g => g.Sum(e => costs[e.Id].Cost!.Value))
            .ToList();
        var total = bySource.Sum();
        return total > 0 ? Math.Round(bySource.Sum(s => (s / total) * (s / total)), 4) : null;
    }

    /// <summary>The country's share (percent) of the cost of critical and important active engagements; null when none has a cost.</summary>
    public static double? CountryShare(TenantInputs inputs, string country)
    {
        var active = inputs.Engagements.Where(e => e.Status == EngagementValues.Active).ToList();
        var costs = TenantScoring.Costs(inputs, active);
        var figures = CountryConcentration.Compute(
            active.Select(e => (e.DeliveryCountry, e.Criticality is EngagementValues.Critical or EngagementValues.Important, costs.GetValueOrDefault(e.Id).Cost)),
            inputs.Settings.HqCountry,
            (double)inputs.Settings.CountryConcentrationThresholdPercent);
        var any = active.Any(e => e.Criticality is EngagementValues.Critical or EngagementValues.Important && costs.GetValueOrDefault(e.Id).Cost is not null);
        return any ? Round2(figures.FirstOrDefault(f => f.Country == country)?.SharePercent ?? 0) : null;
    }

    /// <summary>
    /// DOMAIN.md's location gap: the mean of the hours between the two zones' UTC offsets at 12:00 UTC on 15 January and
    /// on 15 July of the year, each the shorter way round the clock.
    /// </summary>
    public static double MeanGapHours(string siteZone, string hqZone, int year)
    {
        var site = DateTimeZoneProviders.Tzdb[siteZone];
        var hq = DateTimeZoneProviders.Tzdb[hqZone];
        double Gap(Instant at)
        {
            var hours = Math.Abs(site.GetUtcOffset(at).Seconds - hq.GetUtcOffset(at).Seconds) / 3600.0;
            return Math.Min(hours, 24 - hours);
        }

        return (Gap(Instant.FromUtc(year, 1, 15, 12, 0)) + Gap(Instant.FromUtc(year, 7, 15, 12, 0))) / 2;
    }

    /// <summary>
    /// The hours of head office's 09:00-17:00 working day on the date that fall in a 09:00-17:00 working day of the
    /// site (its day before, of, or after the date: far zones overlap across midnight), each day in its own zone's
    /// local time, so daylight saving is counted on the date itself.
    /// </summary>
    public static double OverlapHours(string siteZone, string hqZone, DateOnly date)
    {
        var hq = Workday(DateTimeZoneProviders.Tzdb[hqZone], LocalDate.FromDateOnly(date));
        var site = DateTimeZoneProviders.Tzdb[siteZone];
        var shared = Duration.Zero;
        foreach (var offset in new[] { -1, 0, 1 })
        {
            var day = Workday(site, LocalDate.FromDateOnly(date).PlusDays(offset));
            var start = Instant.Max(hq.Start, day.Start);
            var end = Instant.Min(hq.End, day.End);
            if (end > start)
            {
                shared += end - start;
            }
        }

        return Round2(shared.TotalHours);
    }

    private static Interval Workday(DateTimeZone zone, LocalDate date) =>
        new(
            date.At(new LocalTime((int)WorkdayStartHour, 0)).InZoneLeniently(zone).ToInstant(),
            date.At(new LocalTime((int)WorkdayEndHour, 0)).InZoneLeniently(zone).ToInstant());

    /// <summary>The classification DOMAIN.md's table gives the arrangement (production processes read its production row).</summary>
    public static string Classification(StrategyOption option, string process)
    {
        var production = process is BusinessProcesses.Manufacturing or BusinessProcesses.Logistics;
        return (option.SourceKind, option.Abroad, option.Applies) switch
        {
            (SourceKinds.CaptiveCentre, _, _) => "offshoring (captive centre)",
            (SourceKinds.Partnership, _, _) => "offshoring (partnership / joint venture)",
            (SourceKinds.Provider, false, _) when production => "outsourcing (contract manufacturing / logistics)",
            (SourceKinds.Provider, true, _) when production => "offshore outsourcing (contract manufacturing / logistics)",
            (SourceKinds.Provider, false, Applicability.Bpo) => "BPO outsourcing (domestic)",
            (SourceKinds.Provider, true, Applicability.Bpo) => "offshore BPO outsourcing",
            (SourceKinds.Provider, false, _) => "outsourcing (domestic)",
            (SourceKinds.Provider, true, _) => "offshore outsourcing",
            _ => "in-house (no sourcing arrangement)",
        };
    }

    /// <summary>Which priorities and risks put the first option ahead of the second, largest difference first.</summary>
    private static IReadOnlyList<string> DecidedBy(IReadOnlyList<OptionAdvice> ranked)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var first = ranked[0];
        if (ranked.Count == 1)
        {
            return [$"{Name(first)} is the only option that applies."];
        }

        var second = ranked[1];
        var lines = new List<(double Difference, string Text)>();
        foreach (var (a, b) in first.Fits.Zip(second.Fits))
        {
            if (a.Points != b.Points)
            {
                lines.Add((a.Points - b.Points, $"{Priorities.Describe(a.Priority)} (priority {a.Weight}): fit {a.Fit} against {b.Fit}, {Signed(a.Points - b.Points)}"));
            }
        }

        if (first.InvestmentPenalty != second.InvestmentPenalty)
        {
            lines.Add((second.InvestmentPenalty - first.InvestmentPenalty,
                $"investment needed {first.InvestmentNeeded} against {second.InvestmentNeeded}: {Signed(second.InvestmentPenalty - first.InvestmentPenalty)}"));
        }

        if (first.PolicyPenalty != second.PolicyPenalty)
        {
            var failed = first.PolicyFailures.Count > second.PolicyFailures.Count ? first : second;
            lines.Add((second.PolicyPenalty - first.PolicyPenalty,
                $"policy: {Name(failed)} fails {string.Join(", ", failed.PolicyFailures.Select(f => f.Check))}: {Signed(second.PolicyPenalty - first.PolicyPenalty)}"));
        }

        var riskDifference = (second.Risk?.Penalty ?? 0) - (first.Risk?.Penalty ?? 0);
        if (Math.Abs(riskDifference) >= 0.005)
        {
            lines.Add((riskDifference, $"projected risk {F2(first.Risk?.Composite ?? 0)} against {F2(second.Risk?.Composite ?? 0)}: {Signed(riskDifference)}"));
        }

        var head = first.Score == second.Score
            ? $"{Name(first)} ties with {Name(second)} at {F2(first.Score!.Value)} and goes first on lower projected risk, then the table's order."
            : $"{Name(first)} ({F2(first.Score!.Value)}) ranks ahead of {Name(second)} ({F2(second.Score!.Value)}):";
        return [head, .. lines.OrderByDescending(l => Math.Abs(l.Difference)).Select(l => l.Text)];
    }

    private static string Signed(double value) => value >= 0 ? $"+{N(Round2(value))}" : N(Round2(value));

    private static string Name(OptionAdvice option) =>
        option.Country is { } && StrategyOptions.All.First(o => o.Code == option.Code).Abroad
            ? $"{option.Label} in {option.CountryName}"
            : option.Label;

    private static string CountryName(TenantInputs inputs, string country) =>
        inputs.Reference.CountriesByIso2.GetValueOrDefault(country)?.Name ?? country;
}
