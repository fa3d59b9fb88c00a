using Sourcing.Contracts;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

public sealed class AlertRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly Guid Tenant = Guid.NewGuid();

    private static TenantSettings Settings => TestTenants.UsSettings;

    private static Engagement E(string country, string process = "customer-service", string criticality = "standard", Guid? provider = null, decimal value = 100) => new()
    {
        TenantId = Tenant,
        Id = Guid.NewGuid(),
        Name = $"{process} in {country}",
        SourceKind = SourceKinds.Provider,
        ProviderId = provider ?? Guid.NewGuid(),
        BusinessProcess = process,
        DeliveryCountry = country,
        DeliveryTimeZone = "UTC",
        DeliveryLanguages = ["en"],
        PlaceOfWork = "provider-premises",
        Criticality = criticality,
        Status = EngagementValues.Active,
        LocationGrade = country == "US" ? "onshore" : "offshore",
        Contract = new ContractTerms { Start = Today.AddYears(-1), NoticePeriodDays = 30, AutoRenewal = true, PricingModel = "fixed-fee", AnnualValue = value, Currency = "USD" },
    };

    private static TenantInputs Inputs(params Engagement[] engagements) => new(
        Tenant, Settings, Today, engagements, new Dictionary<Guid, Provider>(), new Dictionary<Guid, CaptiveCentre>(), [],
        new Dictionary<Guid, SlaFigures>(), new Dictionary<string, CountryOverrideValues>(),
        TestTenants.EmptyReference,
        (_, _) => null);

    private static IReadOnlyList<AlertCause> Evaluate(TenantInputs inputs, Dictionary<Guid, string?>? previous = null, Dictionary<(string, string), string?>? open = null) =>
        AlertRules.Evaluate(inputs, TenantScoring.Compute(inputs), previous ?? [], open ?? []);

    [Fact]
    public void Policy_checks_raise_their_own_kinds()
    {
        var legalAbroad = E("PH", "legal", "critical");
        var causes = Evaluate(Inputs(legalAbroad));
        Assert.Contains(causes, c => c.Kind == AlertKinds.NotAdvisableToOffshore && c.EngagementId == legalAbroad.Id);
        Assert.Contains(causes, c => c.Kind == AlertKinds.NotMonitored);
        Assert.Contains(causes, c => c.Kind == AlertKinds.SingleSourcedCriticalProcess && c.Subject == "process:legal");
        Assert.Contains(causes, c => c.Kind == AlertKinds.CountryConcentration && c.Subject == "country:PH");
    }

    [Fact]
    public void Country_concentration_counts_critical_and_important_cost_abroad_above_the_threshold()
    {
        // Critical/important: PH 60, US 40 -> PH 60 % > 50 %. The standard one in IN does not count.
        var causes = Evaluate(Inputs(E("PH", criticality: "critical", value: 60), E("US", criticality: "important", value: 40), E("IN", value: 1000)));
        var concentration = Assert.Single(causes, c => c.Kind == AlertKinds.CountryConcentration);
        Assert.Equal("country:PH", concentration.Subject);
        Assert.Contains("60.00 %", concentration.Message);
    }

    [Fact]
    public void A_band_rise_stays_while_the_band_is_above_the_band_it_rose_from()
    {
        var e = E("PH");
        var inputs = Inputs(e);
        var band = TenantScoring.Compute(inputs).Single().Band!;
        Assert.Contains(Evaluate(inputs, new() { [e.Id] = Bands.Low }), c => c.Kind == AlertKinds.BandRise && c.Baseline == Bands.Low);
        // Next run: no rise now, but the open alert's baseline keeps the cause present.
        Assert.Contains(Evaluate(inputs, new() { [e.Id] = band }, new() { [($"engagement:{e.Id}", AlertKinds.BandRise)] = Bands.Low }), c => c.Kind == AlertKinds.BandRise);
        // Back at (or below) the baseline: gone.
        Assert.DoesNotContain(Evaluate(inputs, new() { [e.Id] = band }, new() { [($"engagement:{e.Id}", AlertKinds.BandRise)] = band }), c => c.Kind == AlertKinds.BandRise);
    }

    [Fact]
    public void Disabled_checks_raise_nothing()
    {
        var inputs = Inputs(E("PH", "legal")) with { Settings = Settings with { PolicyChecks = new PolicyChecks(false, false, false, false, false, false) } };
        Assert.DoesNotContain(Evaluate(inputs), c => c.Kind.StartsWith("policy-", StringComparison.Ordinal));
    }
}
