using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;
using Sourcing.Risk.WhatIf;

namespace Sourcing.Risk.Tests;

/// <summary>
/// The provider-failure what-if over a small portfolio worked by hand (USD tenant, USD contracts, so
/// costs are the annual values; every contract ends within 24 months with 30 days' notice, so no exit
/// addition):
/// <code>
///   engagement  source  process           criticality  cost  headcount  SLAs
///   e1          Acme    customer-service  standard     200   40         2 (and one retired)
///   e2          Acme    accounting        critical     200   25         1
///   e5          Acme    data-entry        standard     ?     5          0   (no annual value: no cost)
///   e3          Beta    customer-service  important    100   20         1
///   e4          Cee     it-services       standard     100   10         0
/// </code>
/// Before (total 600; shares Acme 400/600 = 2/3, Beta 1/6, Cee 1/6; HHI customer-service
/// (2/3)^2 + (1/3)^2 = 5/9, accounting 1, it-services 1; accounting is critical and single-sourced):
///   e1 = 100 x (0.5 x 2/3 + 0.5 x 5/9) = 61.11; e2 = 100 x (1/3 + 1/2) + 30 = 113.33, capped 100;
///   e3 = 100 x (1/12 + 5/18) = 36.11; e4 = 100 x (1/12 + 1/2) = 58.33.
/// </summary>
public sealed class FailureWhatIfTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Beta = Guid.NewGuid();
    private static readonly Guid Cee = Guid.NewGuid();

    private readonly Engagement _e1 = E("e1", Acme, BusinessProcesses.CustomerService, "standard", 200m, 40);
    private readonly Engagement _e2 = E("e2", Acme, BusinessProcesses.Accounting, "critical", 200m, 25);
    private readonly Engagement _e5 = E("e5", Acme, BusinessProcesses.DataEntry, "standard", null, 5);
    private readonly Engagement _e3 = E("e3", Beta, BusinessProcesses.CustomerService, "important", 100m, 20, country: "IN");
    private readonly Engagement _e4 = E("e4", Cee, BusinessProcesses.ItServices, "standard", 100m, 10, country: "IN");

    private TenantInputs Inputs() => new(
        Tenant,
        TestTenants.UsSettings,
        Today,
        [_e1, _e2, _e5, _e3, _e4],
        new Dictionary<Guid, Provider> { [Acme] = P(Acme, "Acme"), [Beta] = P(Beta, "Beta"), [Cee] = P(Cee, "Cee") },
        new Dictionary<Guid, CaptiveCentre>(),
        [S(_e1), S(_e1), S(_e1, SlaStatuses.Retired), S(_e2), S(_e3)],
        new Dictionary<Guid, SlaFigures>(),
        new Dictionary<string, CountryOverrideValues>(),
        TestTenants.EmptyReference,
        (_, _) => null);

    [Fact]
    public void Acmes_failure_strands_its_spend_headcount_critical_accounting_and_raises_the_rests_dependency()
    {
        var result = FailureWhatIf.Compute(Inputs(), WhatIfApi.ProviderFailure, Acme.ToString(), "Acme", e => e.ProviderId == Acme);

        // e1, e2 and e5 stop: spend 200 + 200 (e5 has no cost), headcount 40 + 25 + 5, one critical, SLAs 2 + 1 (the retired one not counted).
        Assert.Equal(new StrandedTotals(3, 400m, 1, 70, 1, 3), result.Stranded);
        Assert.Equal(["e2", "e1", "e5"], result.Stopping.Select(s => s.Name));
        Assert.Equal(200m, result.Stopping[0].AnnualCost);
        Assert.Null(result.Stopping[2].AnnualCost);
        Assert.NotEmpty(result.Stopping[2].CostDetail);

        // Accounting and data entry have no other source; customer service keeps Beta.
        Assert.Equal(
            [new ProcessWithoutAlternative(BusinessProcesses.Accounting, true, 1, 200m), new ProcessWithoutAlternative(BusinessProcesses.DataEntry, false, 1, 0m)],
            result.ProcessesWithoutAlternative);

        // After (total 200; Beta and Cee 0.5 each; each alone in its process, HHI 1; nothing critical left):
        // e3 = e4 = 100 x (0.25 + 0.5) = 75: e3 +38.89 (from 36.11), e4 +16.67 (from 58.33).
        Assert.Equal(
            [
                new DependencyChange(_e3.Id, "e3", "Beta", BusinessProcesses.CustomerService, 36.11m, 75m, 38.89m),
                new DependencyChange(_e4.Id, "e4", "Cee", BusinessProcesses.ItServices, 58.33m, 75m, 16.67m),
            ],
            result.DependencyChanges);
    }

    [Fact]
    public void Betas_failure_leaves_customer_service_to_Acme_alone_and_changes_the_rest_by_the_new_shares()
    {
        var result = FailureWhatIf.Compute(Inputs(), WhatIfApi.ProviderFailure, Beta.ToString(), "Beta", e => e.ProviderId == Beta);

        Assert.Equal(new StrandedTotals(1, 100m, 0, 20, 0, 1), result.Stranded);
        Assert.Empty(result.ProcessesWithoutAlternative);

        // After (total 500; Acme 0.8, Cee 0.2; customer service HHI 1): e1 = 100 x (0.4 + 0.5) = 90 (+28.89);
        // e4 = 100 x (0.1 + 0.5) = 60 (+1.67); e2 = 90 + 30, capped 100 (no change).
        Assert.Equal(
            [("e1", 61.11m, 90m, 28.89m), ("e4", 58.33m, 60m, 1.67m), ("e2", 100m, 100m, 0m)],
            result.DependencyChanges.Select(c => (c.Name, c.Before!.Value, c.After!.Value, c.Change!.Value)));
    }

    [Fact]
    public void A_countrys_failure_stops_every_source_delivering_from_it()
    {
        var result = FailureWhatIf.Compute(Inputs(), WhatIfApi.CountryFailure, "IN", "India", e => e.DeliveryCountry == "IN");

        // e3 and e4 (India) stop; it-services has no other source; customer service keeps Acme.
        Assert.Equal(new StrandedTotals(2, 200m, 0, 30, 0, 1), result.Stranded);
        Assert.Equal([BusinessProcesses.ItServices], result.ProcessesWithoutAlternative.Select(p => p.Process));
        Assert.Equal(["e1", "e2"], result.DependencyChanges.Select(c => c.Name).Order());
    }

    private static Engagement E(string name, Guid provider, string process, string criticality, decimal? value, int headcount, string country = "PH") => new()
    {
        TenantId = Tenant,
        Id = Guid.NewGuid(),
        Name = name,
        SourceKind = SourceKinds.Provider,
        ProviderId = provider,
        BusinessProcess = process,
        DeliveryCountry = country,
        DeliveryTimeZone = "Asia/Manila",
        DeliveryLanguages = ["en"],
        PlaceOfWork = "provider-premises",
        Headcount = headcount,
        Criticality = criticality,
        Status = EngagementValues.Active,
        LocationGrade = "offshore",
        Contract = new ContractTerms
        {
            Start = Today.AddYears(-1),
            End = Today.AddYears(1),
            NoticePeriodDays = 30,
            AutoRenewal = true,
            PricingModel = "fixed-fee",
            AnnualValue = value,
            Currency = value is null ? null : "USD",
        },
    };

    private static Provider P(Guid id, string name) => new() { TenantId = Tenant, Id = id, LegalName = name, HqCountry = "PH" };

    private static Sla S(Engagement e, string status = SlaStatuses.Active) => new()
    {
        TenantId = Tenant,
        Id = Guid.NewGuid(),
        EngagementId = e.Id,
        Metric = "m",
        Period = "monthly",
        Weight = 1,
        Status = status,
    };
}
