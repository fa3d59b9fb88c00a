using Sourcing.Contracts;
using Sourcing.Risk.Advice;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Policy;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>DOMAIN.md's strategy advice: the hand-computed ranking, the seeds' advice, applicability, and the clock arithmetic.</summary>
public sealed class StrategyAdvisorTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly Guid Tenant = Guid.NewGuid();

    private static TenantSettings Settings => TestTenants.UsSettings;

    private static ReferenceCountry Country(string iso2, string name, decimal stability) => new() { Iso2 = iso2, Iso3 = iso2 + "X", Name = name, PoliticalStability = stability };

    /// <summary>An empty portfolio; the Philippines at stability 30, India at 20; the peso 5 % volatile against the dollar, the rupee 4 %.</summary>
    private static TenantInputs Inputs(params Engagement[] engagements)
    {
        ReferenceCountry[] countries = [Country("US", "United States", 70), Country("PH", "Philippines", 30), Country("IN", "India", 20)];
        return new TenantInputs(
            Tenant, Settings, Today, engagements, new Dictionary<Guid, Provider>(), new Dictionary<Guid, CaptiveCentre>(), [],
            new Dictionary<Guid, SlaFigures>(), new Dictionary<string, CountryOverrideValues>(),
            new ReferenceData.Snapshot(countries.ToDictionary(c => c.Iso2!), countries, 25, new CurrencyRates([], new Dictionary<string, double?[]>())),
            (currency, _) => currency switch
            {
                "PHP" => (0.05, Today, 250),
                "INR" => (0.04, Today, 250),
                _ => null,
            });
    }

    private static AdviceQuestion Question(
        string process = BusinessProcesses.DataEntry,
        string scope = EngagementScopes.WholeProcess,
        int months = 36,
        string criticality = "standard",
        bool core = false,
        AdviceCandidate[]? candidates = null,
        Dictionary<string, int>? priorities = null) =>
        new(process, scope, months, 50, core, [], criticality, candidates ?? [new AdviceCandidate("PH", "Asia/Manila")], priorities ?? [], null, null, 0.1);

    private static OptionAdvice Option(AdviceResult result, string code) => result.Options.Single(o => o.Code == code);

    [Fact]
    public void Low_cost_for_a_repetitive_process_ranks_as_computed_by_hand_with_offshore_BPO_first()
    {
        // Data entry, the whole process for 36 months, priorities cost 3 and scale 2, candidate the Philippines, no expected
        // cost (so no dependency score), risk weight 0.1, evaluated 2026-06-30 (New York UTC-4, Manila UTC+8 at 12:00 UTC).
        // Geopolitical abroad: country 100 - 30 = 70; communication 0.6 x time (12 h -> 100) + 0.4 x language (English is
        //   spoken in the Philippines -> 0) = 60.
        // - offshore BPO: fit cost 3 x 3 + scale 3 x 2 = 15; paid in dollars, currency 0; geopolitical 0.6 x 70 + 0.2 x 0
        //   + 0.2 x 60 = 54; composite 54 (dependency none); 15 - 5.4 = 9.6.
        // - BPO at home: cost 1 x 3 + scale 1 x 2 = 5; geopolitical 0 at home; 5.
        // - partnership: cost 2 x 3 + scale 2 x 2 = 10, investment 2 against willingness 0: -6; paid in pesos, currency
        //   100 x 0.05 / 0.25 = 20; geopolitical 42 + 4 + 12 = 58 -> -5.8; 10 - 6 - 5.8 = -1.8.
        // - captive centre: cost 2 x 3 + scale 3 x 2 = 12, investment 3: -9; geopolitical 58 -> -5.8; -2.8.
        // - keep in-house: 0, investment 1: -3; no sourcing risk; -3.
        // - task outsourcing at home and offshore: not applicable (the whole process for 36 months).
        var result = StrategyAdvisor.Advise(Question(priorities: new() { [Priorities.Cost] = 3, [Priorities.Scale] = 2 }), Inputs());

        var ranked = result.Options.Where(o => o.Applicable).Select(o => (o.Code, o.Score)).ToList();
        Assert.Equal(
            [("offshore-bpo-outsourcing", 9.6), ("bpo-outsourcing", 5.0), ("partnership", -1.8), ("captive-centre", -2.8), ("keep-in-house", -3.0)],
            ranked.Select(r => (r.Code, r.Score!.Value)).ToList());
        Assert.Equal([1, 2, 3, 4, 5], result.Options.Where(o => o.Applicable).Select(o => o.Rank!.Value).ToList());
        var offshore = Option(result, "offshore-bpo-outsourcing");
        Assert.Equal(54, offshore.Risk!.Geopolitical);
        Assert.Null(offshore.Risk.Dependency);
        Assert.Equal("offshore BPO outsourcing", offshore.Classification);
        Assert.Equal("offshore", offshore.LocationGrade);
        Assert.Equal(11.5, offshore.LocationGapHours);
        Assert.Equal(0, offshore.OverlapHours);
        Assert.Equal("USD", offshore.Exposure!.Currency);
        Assert.Equal("PHP", Option(result, "captive-centre").Exposure!.Currency);
        Assert.Equal(0.05, Option(result, "captive-centre").Exposure!.Volatility);
        Assert.StartsWith("Recommended: Offshore BPO outsourcing in Philippines", result.Summary, StringComparison.Ordinal);

        // What decided it: cost (+6) before the projected risk (-5.4) before scale (+4).
        Assert.StartsWith("Offshore BPO outsourcing in Philippines (9.60) ranks ahead of BPO outsourcing (home) (5.00)", result.DecidedBy[0], StringComparison.Ordinal);
        Assert.StartsWith("cost (priority 3): fit 3 against 1, +6", result.DecidedBy[1], StringComparison.Ordinal);
        Assert.StartsWith("projected risk 54.00 against 0.00: -5.4", result.DecidedBy[2], StringComparison.Ordinal);
        Assert.StartsWith("workforce scale (priority 2): fit 3 against 1, +4", result.DecidedBy[3], StringComparison.Ordinal);

        var task = Option(result, "task-outsourcing");
        Assert.False(task.Applicable);
        Assert.Null(task.Rank);
        Assert.Contains("whole process for 36 months", task.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_off_project_goes_to_task_outsourcing()
    {
        var result = StrategyAdvisor.Advise(
            Question(scope: EngagementScopes.Task, months: 6, priorities: new() { [Priorities.Flexibility] = 3, [Priorities.Speed] = 3, [Priorities.Skills] = 2 }),
            Inputs());
        Assert.Equal("task-outsourcing", result.Options[0].Code);
        Assert.False(Option(result, "bpo-outsourcing").Applicable);
        Assert.False(Option(result, "captive-centre").Applicable);
    }

    [Fact]
    public void A_whole_process_for_the_long_term_goes_to_BPO()
    {
        var result = StrategyAdvisor.Advise(
            Question(process: BusinessProcesses.HrAndPayroll, months: 60, priorities: new() { [Priorities.Skills] = 3, [Priorities.Flexibility] = 1 }),
            Inputs());
        Assert.Equal("bpo-outsourcing", result.Options[0].Code);
        Assert.False(Option(result, "task-outsourcing").Applicable);
    }

    [Fact]
    public void Presence_in_a_foreign_market_goes_to_a_captive_centre_or_partnership_and_not_to_one_that_will_not_invest()
    {
        var willing = StrategyAdvisor.Advise(
            Question(months: 60, candidates: [new AdviceCandidate("IN", "Asia/Kolkata")],
                priorities: new() { [Priorities.Market] = 3, [Priorities.Control] = 2, [Priorities.Investment] = 3 }),
            Inputs());
        Assert.Equal("captive-centre", willing.Options[0].Code);
        Assert.Equal("IN", willing.Options[0].Country);
        Assert.Equal("partnership", willing.Options[1].Code);

        var unwilling = StrategyAdvisor.Advise(
            Question(months: 60, candidates: [new AdviceCandidate("IN", "Asia/Kolkata")],
                priorities: new() { [Priorities.Market] = 3, [Priorities.Control] = 2, [Priorities.Investment] = 0 }),
            Inputs());
        Assert.NotEqual("captive-centre", unwilling.Options[0].Code);
        Assert.Equal(9, Option(unwilling, "captive-centre").InvestmentPenalty);
    }

    [Fact]
    public void Legal_work_is_not_sent_abroad()
    {
        var result = StrategyAdvisor.Advise(
            Question(process: BusinessProcesses.Legal, priorities: new() { [Priorities.Cost] = 3, [Priorities.Scale] = 2 }), Inputs());
        var first = result.Options[0];
        Assert.True(first.Country is null or "US" || first.Code is "keep-in-house" or "bpo-outsourcing", $"first was {first.Code} in {first.Country}");
        var offshore = Option(result, "offshore-bpo-outsourcing");
        Assert.Contains(offshore.PolicyFailures, f => f.Check == PolicyCheckCodes.NotAdvisableToOffshore);
        Assert.Equal(15, offshore.PolicyPenalty);
        Assert.Empty(Option(result, "bpo-outsourcing").PolicyFailures);
    }

    [Fact]
    public void The_projection_uses_the_portfolio_as_it_would_become()
    {
        // The tenant already pays a provider 300,000 USD for data entry; the option at 100,000 USD: shares 0.75 and 0.25 of
        // the process, HHI 0.5625 + 0.0625 = 0.625 (1 before); the option's cost share of the tenant 0.25.
        // Dependency = 100 x (0.5 x 0.25 + 0.5 x 0.625) = 43.75, +10 for a 36-month term (over 24 months): 53.75.
        var existing = new Engagement
        {
            TenantId = Tenant,
            Id = Guid.NewGuid(),
            Name = "Existing",
            SourceKind = SourceKinds.Provider,
            ProviderId = Guid.NewGuid(),
            BusinessProcess = BusinessProcesses.DataEntry,
            DeliveryCountry = "US",
            DeliveryTimeZone = "America/New_York",
            PlaceOfWork = "provider-premises",
            Criticality = "standard",
            Status = EngagementValues.Active,
            LocationGrade = "onshore",
            Contract = new ContractTerms { Start = Today.AddYears(-1), NoticePeriodDays = 30, AutoRenewal = true, PricingModel = "fixed-fee", AnnualValue = 300_000, Currency = "USD" },
        };
        var question = Question(priorities: new() { [Priorities.Cost] = 3 }) with { ExpectedAnnualCost = 100_000 };
        var result = StrategyAdvisor.Advise(question, Inputs(existing));
        var home = Option(result, "bpo-outsourcing");
        Assert.Equal(1, home.Concentration!.ProcessHhiBefore);
        Assert.Equal(0.625, home.Concentration.ProcessHhiAfter);
        Assert.Equal(53.75, home.Risk!.Dependency);
        Assert.Equal(100_000, home.Exposure!.AnnualCostInReportingCurrency);
    }

    [Theory]
    [InlineData("2026-03-02", 3)] // New York UTC-5, London UTC+0: 14:00-22:00 against 09:00-17:00 UTC
    [InlineData("2026-03-10", 4)] // New York has moved to UTC-4 (8 March), London not yet (29 March)
    [InlineData("2026-04-01", 3)] // both on summer time: UTC-4 and UTC+1
    public void Working_hours_shared_follow_daylight_saving_on_the_date(string date, double hours) =>
        Assert.Equal(hours, StrategyAdvisor.OverlapHours("Europe/London", "America/New_York", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_half_hour_offset_and_far_zones_are_counted_exactly()
    {
        // Kolkata UTC+5:30 works 03:30-11:30 UTC; London in January 09:00-17:00 UTC: 2.5 hours.
        Assert.Equal(2.5, StrategyAdvisor.OverlapHours("Asia/Kolkata", "Europe/London", new DateOnly(2026, 1, 15)));
        // Manila 01:00-09:00 UTC against New York 13:00-21:00 UTC (either day): none.
        Assert.Equal(0, StrategyAdvisor.OverlapHours("Asia/Manila", "America/New_York", new DateOnly(2026, 6, 30)));
        // DOMAIN.md's location gap: 13 h the short way is 11 (January), 12 (July): mean 11.5.
        Assert.Equal(11.5, StrategyAdvisor.MeanGapHours("Asia/Manila", "America/New_York", 2026));
    }

    [Fact]
    public void The_options_table_is_DOMAINs()
    {
        var table = StrategyOptions.All;
        Assert.Equal(
            ["keep-in-house", "task-outsourcing", "bpo-outsourcing", "offshore-task-outsourcing", "offshore-bpo-outsourcing", "captive-centre", "partnership"],
            table.Select(o => o.Code).ToList());
        var captive = table.Single(o => o.Code == "captive-centre");
        Assert.Equal([2, 3, 0, 0, 3, 1, 1, 3], Priorities.Fitted.Select(p => captive.Fit[p]).ToList());
        Assert.Equal(3, captive.Investment);
        Assert.All(table, o => Assert.False(string.IsNullOrWhiteSpace(o.Reason)));
    }
}
