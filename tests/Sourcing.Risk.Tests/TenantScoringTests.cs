using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>The cost inputs of the dependency score, as the recompute builds them from the read model.</summary>
public sealed class TenantScoringTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly Guid Tenant = Guid.NewGuid();

    private static TenantSettings Settings => TestTenants.UsSettings;

    private static Engagement E(string kind, Guid source, decimal? value, int? headcount = null) => new()
    {
        TenantId = Tenant,
        Id = Guid.NewGuid(),
        Name = $"{kind} engagement",
        SourceKind = kind,
        ProviderId = kind == SourceKinds.Provider ? source : null,
        CaptiveCentreId = kind == SourceKinds.Provider ? null : source,
        BusinessProcess = "customer-service",
        DeliveryCountry = "PH",
        DeliveryTimeZone = "Asia/Manila",
        DeliveryLanguages = ["en"],
        PlaceOfWork = "provider-premises",
        Headcount = headcount,
        Criticality = "standard",
        Status = EngagementValues.Active,
        LocationGrade = "offshore",
        Contract = value is null
            ? null
            : new ContractTerms { Start = Today.AddYears(-1), NoticePeriodDays = 30, AutoRenewal = true, PricingModel = "fixed-fee", AnnualValue = value, Currency = "USD" },
    };

    private static CaptiveCentre Centre(Guid id, string kind, decimal? operatingCost) => new()
    {
        TenantId = Tenant,
        Id = id,
        LegalEntity = $"{kind} entity",
        Country = "PH",
        Kind = kind,
        AnnualOperatingCost = operatingCost,
        Currency = "USD",
    };

    private static TenantInputs Inputs(IReadOnlyList<Engagement> engagements, params CaptiveCentre[] centres) => new(
        Tenant, Settings, Today, engagements, new Dictionary<Guid, Provider>(), centres.ToDictionary(c => c.Id), [],
        new Dictionary<Guid, SlaFigures>(), new Dictionary<string, CountryOverrideValues>(),
        TestTenants.EmptyReference,
        (_, _) => null);

    private static ComputedScores Of(IReadOnlyList<ComputedScores> scores, Engagement e) => scores.Single(s => s.EngagementId == e.Id);

    [Fact]
    public void A_partnership_is_costed_by_its_contract_not_by_the_centres_operating_cost_and_gets_a_dependency_score()
    {
        // Provider 100,000 and partnership contract 100,000 in one process: each share 0.5, HHI 0.5 -> 50.
        // Costed by the partnership's 10 M operating cost instead, the provider's share would be about 0.01.
        var jv = Guid.NewGuid();
        var provider = E(SourceKinds.Provider, Guid.NewGuid(), 100_000m);
        var partnership = E(SourceKinds.Partnership, jv, 100_000m);
        var scores = TenantScoring.Compute(Inputs([provider, partnership], Centre(jv, SourceKinds.Partnership, 10_000_000m)));
        Assert.Equal(100_000, Of(scores, partnership).Cost);
        Assert.Equal(50, Of(scores, provider).Dependency!.Value);
        Assert.Equal(50, Of(scores, partnership).Dependency!.Value);
    }

    [Fact]
    public void A_partnership_without_an_annual_value_has_no_cost_recorded()
    {
        var jv = Guid.NewGuid();
        var partnership = E(SourceKinds.Partnership, jv, null);
        var scores = TenantScoring.Compute(Inputs([partnership], Centre(jv, SourceKinds.Partnership, 500_000m)));
        Assert.Null(Of(scores, partnership).Cost);
        Assert.Null(Of(scores, partnership).Dependency!.Value);
        Assert.Contains(Of(scores, partnership).Dependency!.Findings, f => f.Code == FindingCodes.NoCostRecorded);
    }

    [Fact]
    public void A_captive_centre_engagement_shares_the_operating_cost_and_without_one_gets_the_no_cost_finding()
    {
        var costed = Guid.NewGuid();
        var uncosted = Guid.NewGuid();
        var a = E(SourceKinds.CaptiveCentre, costed, 1m, headcount: 30);
        var b = E(SourceKinds.CaptiveCentre, costed, 1m, headcount: 10);
        var c = E(SourceKinds.CaptiveCentre, uncosted, 1m);
        var scores = TenantScoring.Compute(Inputs([a, b, c], Centre(costed, SourceKinds.CaptiveCentre, 400m), Centre(uncosted, SourceKinds.CaptiveCentre, null)));
        Assert.Equal(300, Of(scores, a).Cost);
        Assert.Equal(100, Of(scores, b).Cost);
        Assert.Null(Of(scores, a).Dependency?.Value);
        Assert.Null(Of(scores, c).Cost);
        Assert.Contains(Of(scores, c).Dependency!.Findings, f => f.Code == FindingCodes.NoCostRecorded);
    }
}
