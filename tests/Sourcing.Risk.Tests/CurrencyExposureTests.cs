using Sourcing.Contracts;
using Sourcing.Risk.Decisions;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>The currency exposure of a small portfolio, worked out by hand.</summary>
public sealed class CurrencyExposureTests
{
    private static readonly DateOnly Day = new(2025, 3, 5);
    private static readonly Guid Tenant = Guid.NewGuid();

    /// <summary>
    /// Three ECB rows (units per euro): USD 1.10 every day; INR 90, 99, 90. So EUR/USD never moves
    /// and INR/USD jumps 10 % and back.
    /// </summary>
    private static readonly CurrencyRates Rates = new(
        [new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 4), Day],
        new Dictionary<string, double?[]> { ["USD"] = [1.10, 1.10, 1.10], ["INR"] = [90, 99, 90] });

    private static Engagement E(string name, string kind, Guid source, decimal? value, string currency = "USD", int? headcount = null) => new()
    {
        TenantId = Tenant,
        Id = Guid.NewGuid(),
        Name = name,
        SourceKind = kind,
        ProviderId = kind == SourceKinds.Provider ? source : null,
        CaptiveCentreId = kind == SourceKinds.Provider ? null : source,
        BusinessProcess = "customer-service",
        DeliveryCountry = "IN",
        DeliveryTimeZone = "Asia/Kolkata",
        Headcount = headcount,
        Criticality = "standard",
        Status = EngagementValues.Active,
        Contract = value is null
            ? null
            : new ContractTerms { Start = Day.AddYears(-1), NoticePeriodDays = 30, AutoRenewal = true, PricingModel = "fixed-fee", AnnualValue = value, Currency = currency },
    };

    private static CurrencyExposureResponse Exposure(double move = 10)
    {
        var provider = Guid.NewGuid();
        var centreId = Guid.NewGuid();
        var centre = new CaptiveCentre
        {
            TenantId = Tenant,
            Id = centreId,
            LegalEntity = "Pune Centre Pvt Ltd",
            Country = "IN",
            Kind = SourceKinds.CaptiveCentre,
            AnnualOperatingCost = 9_000_000m,
            Currency = "INR",
        };
        List<Engagement> active =
        [
            E("Contact centre, Manila", SourceKinds.Provider, provider, 100_000m),
            E("Accounts payable, Krakow", SourceKinds.Provider, provider, 50_000m, "EUR"),
            E("Pune finance", SourceKinds.CaptiveCentre, centreId, null, headcount: 20),
            E("Pune engineering", SourceKinds.CaptiveCentre, centreId, null, headcount: 40),
            E("No contract yet", SourceKinds.Provider, provider, null),
            E("Paid in an unknown currency", SourceKinds.Provider, provider, 10_000m, "XYZ"),
            E("Free pilot", SourceKinds.Provider, provider, 0m),
        ];
        var costs = EngagementCosts.Native(active, new Dictionary<Guid, CaptiveCentre> { [centreId] = centre });
        return CurrencyExposure.Compute(
            [.. active.Select(e => new ExposureInput(e.Id, e.Name, costs[e.Id]))], "USD", Day, Rates, (a, b) => Rates.Volatility(a, b, Day), move);
    }

    /// <summary>
    /// By hand, in USD on 2025-03-05:
    /// - USD: the Manila contract, 100,000.
    /// - EUR: 50,000 x (1.10 USD per EUR) = 55,000.
    /// - INR: the centre's 9,000,000 shared 20:40 by headcount (3,000,000 and 6,000,000), x 1.10 / 90 USD per INR = 110,000.
    /// Total 265,000; shares INR 110,000 / 265,000 = 41.51 %, USD 37.74 %, EUR 20.75 %.
    /// Volatility: EUR/USD never moves: 0, currency part 0, not volatile. INR/USD log returns ln(0.9090...) and ln(1.1),
    /// i.e. -0.09531 and +0.09531: mean 0, sample variance 2 x 0.09531^2 / 1 = 0.018168, sd 0.134789, x sqrt(252) =
    /// 2.1397 (213.97 %): currency part min(100, 855.9) = 100, volatile. Volatile share 41.51 %.
    /// A 10 % move: EUR +-5,500, INR +-11,000, USD 0; total +-16,500 on the foreign 165,000, 16,500 / 265,000 = 6.23 % of the total.
    /// </summary>
    [Fact]
    public void A_10_percent_move_on_a_small_portfolio_matches_the_hand_computed_figures()
    {
        var x = Exposure();

        Assert.Equal(265_000m, x.TotalCost);
        Assert.Equal(["INR", "USD", "EUR"], x.Currencies.Select(c => c.Currency));
        var inr = x.Currencies[0];
        var usd = x.Currencies[1];
        var eur = x.Currencies[2];
        Assert.Equal((9_000_000m, 110_000m, 41.51m), (inr.Amount, inr.Cost, inr.SharePercent));
        Assert.Equal([6_000_000m, 3_000_000m], inr.Engagements.Select(e => e.Amount));
        Assert.Equal((100_000m, 100_000m, 37.74m), (usd.Amount, usd.Cost, usd.SharePercent));
        Assert.Equal((50_000m, 55_000m, 20.75m, 1.1m), (eur.Amount, eur.Cost, eur.SharePercent, eur.Rate));
        Assert.Equal(Day, eur.RateDate);

        Assert.Equal(213.97m, inr.VolatilityPercent);
        Assert.Equal((100m, true), (inr.CurrencyRisk, inr.Volatile));
        Assert.Equal((0m, 0m, false), (eur.VolatilityPercent, eur.CurrencyRisk, eur.Volatile));
        Assert.Equal((null, 0m, false), (usd.VolatilityPercent, usd.CurrencyRisk, usd.Volatile));
        Assert.Equal(110_000m, x.VolatileCost);
        Assert.Equal(41.51m, x.VolatileSharePercent);
        Assert.Equal(10m, x.VolatileFromPercent);

        Assert.Equal((5_500m, -5_500m), (eur.ChangeUp, eur.ChangeDown));
        Assert.Equal((11_000m, -11_000m), (inr.ChangeUp, inr.ChangeDown));
        Assert.Equal((0m, 0m), (usd.ChangeUp, usd.ChangeDown));
        Assert.Equal((165_000m, 16_500m, -16_500m, 6.23m), (x.ForeignCost, x.TotalChangeUp, x.TotalChangeDown, x.TotalChangeUpPercent));
    }

    [Fact]
    public void Engagements_without_a_cost_with_a_cost_of_0_or_in_a_currency_without_a_rate_are_left_out_with_the_reason()
    {
        var left = Exposure().LeftOut.ToDictionary(l => l.Name, l => l.Reason);

        Assert.Equal(3, left.Count);
        Assert.Contains("no annual value", left["No contract yet"]);
        Assert.Contains("no ECB reference rate for XYZ", left["Paid in an unknown currency"]);
        Assert.Contains("is 0", left["Free pilot"]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(25, 41_250)]
    [InlineData(100, 165_000)]
    public void The_change_is_the_move_times_the_foreign_cost(double move, double change)
    {
        var x = Exposure(move);
        Assert.Equal((decimal)change, x.TotalChangeUp);
        Assert.Equal(-(decimal)change, x.TotalChangeDown);
    }

    [Fact]
    public void A_currency_is_volatile_from_10_percent_volatility_the_currency_part_40()
    {
        Assert.Equal(40, GeopoliticalScore.CurrencyPart(0.10), 10);
        Assert.True(GeopoliticalScore.CurrencyPart(0.10) >= CurrencyExposure.VolatileFrom);
        Assert.False(GeopoliticalScore.CurrencyPart(0.0999) >= CurrencyExposure.VolatileFrom);
    }
}
