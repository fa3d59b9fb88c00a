using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Policy;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>DOMAIN.md's six policy checks (their one implementation, PolicyFindings), one table per rule, each also shown clearing.</summary>
public sealed class PolicyFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid ProviderA = Guid.NewGuid();
    private static readonly Guid ProviderB = Guid.NewGuid();
    private static readonly PolicyChecks AllOn = new(true, true, true, true, true, true);

    private static TenantSettings Settings(PolicyChecks? checks = null) => new()
    {
        Name = "T",
        HqCountry = "US",
        ReportingCurrency = "USD",
        TimeZone = "America/New_York",
        WorkingLanguages = ["en"],
        RiskWeights = new RiskWeights(0.4m, 0.3m, 0.3m),
        BandThresholds = new BandThresholds(25, 50, 75),
        PolicyChecks = checks ?? AllOn,
        NotToOffshoreProcesses = [BusinessProcesses.Legal],
        CountryConcentrationThresholdPercent = 50,
        Version = 1,
    };

    private static Engagement E(
        string process = BusinessProcesses.CustomerService,
        string country = "PH",
        Guid? provider = null,
        string kind = SourceKinds.Provider,
        string criticality = "standard",
        string status = EngagementValues.Active,
        bool core = false,
        string place = "provider-premises",
        string[]? sensitivity = null) => new()
        {
            TenantId = Tenant,
            Id = Guid.NewGuid(),
            Name = "e",
            SourceKind = kind,
            ProviderId = kind == SourceKinds.Provider ? provider ?? ProviderA : null,
            CaptiveCentreId = kind == SourceKinds.Provider ? null : provider ?? Guid.NewGuid(),
            BusinessProcess = process,
            DeliveryCountry = country,
            DeliveryTimeZone = "UTC",
            PlaceOfWork = place,
            Core = core,
            DataSensitivity = [.. sensitivity ?? []],
            Criticality = criticality,
            Status = status,
        };

    private static Provider P(Guid id, params Certification[] certifications) => new() { TenantId = Tenant, Id = id, LegalName = "p", Certifications = [.. certifications] };

    /// <summary>The checks failing on <paramref name="e"/>; every engagement has an SLA unless <paramref name="monitored"/> is false.</summary>
    private static List<string> Checks(
        Engagement e,
        PolicyChecks? checks = null,
        bool certified = true,
        bool monitored = true,
        Dictionary<string, double>? stability = null,
        Dictionary<string, CountryOverrideValues>? overrides = null,
        params Engagement[] others)
    {
        var certificate = new Certification("ISO/IEC 27001:2022", Today.AddDays(1));
        var providers = new Dictionary<Guid, Provider> { [ProviderA] = certified ? P(ProviderA, certificate) : P(ProviderA), [ProviderB] = P(ProviderB, certificate) };
        Engagement[] all = [e, .. others];
        var countries = (stability ?? new Dictionary<string, double> { ["PH"] = 60, ["MX"] = 70, ["US"] = 80 })
            .ToDictionary(c => c.Key, c => new ReferenceCountry { Iso3 = c.Key + "X", Iso2 = c.Key, Name = c.Key, PoliticalStability = (decimal)c.Value });
        var inputs = new TenantInputs(
            Tenant, Settings(checks), Today, all, providers, new Dictionary<Guid, CaptiveCentre>(),
            monitored ? [.. all.Select(x => new Sla { TenantId = Tenant, Id = Guid.NewGuid(), EngagementId = x.Id, Status = "active" })] : [],
            new Dictionary<Guid, SlaFigures>(), overrides ?? [],
            new ReferenceData.Snapshot(countries, [.. countries.Values], 56.31, new CurrencyRates([], new Dictionary<string, double?[]>())),
            (_, _) => null);
        return [.. PolicyFindings.Evaluate(inputs).Where(f => f.EngagementId == e.Id).Select(f => f.Check).Order()];
    }

    [Fact]
    public void A_clean_engagement_has_no_findings() => Assert.Empty(Checks(E()));

    [Theory]
    [InlineData("PH", true)]
    [InlineData("MX", true)] // nearshore is abroad too
    [InlineData("US", false)]
    public void Legal_work_abroad_is_not_advisable(string country, bool expected) =>
        Assert.Equal(expected, Checks(E(process: BusinessProcesses.Legal, country: country)).Contains(PolicyCheckCodes.NotAdvisableToOffshore));

    [Fact]
    public void A_switched_off_check_finds_nothing() =>
        Assert.Empty(Checks(E(process: BusinessProcesses.Legal), AllOn with { NotAdvisableToOffshore = false }));

    [Theory]
    [InlineData(new[] { DataSensitivities.Health }, "PH", 56.31, true)]   // at the bottom-quartile bound
    [InlineData(new[] { DataSensitivities.Financial }, "PH", 40, true)]
    [InlineData(new[] { DataSensitivities.LegalPrivilege }, "PH", 56.32, false)] // just above it
    [InlineData(new[] { DataSensitivities.Personal }, "PH", 40, false)]  // personal alone is not high sensitivity
    [InlineData(new[] { DataSensitivities.Health }, "US", 10, false)]    // at home
    [InlineData(new string[0], "PH", 10, false)]
    public void Sensitive_data_in_a_high_risk_country(string[] sensitivity, string country, double score, bool expected) =>
        Assert.Equal(
            expected,
            Checks(E(country: country, sensitivity: sensitivity), stability: new() { [country] = score })
                .Contains(PolicyCheckCodes.SensitiveDataInHighRiskCountry));

    [Fact]
    public void Sensitive_data_in_a_high_risk_country_uses_the_tenants_override_and_its_switch()
    {
        var e = E(sensitivity: [DataSensitivities.Health]);
        Assert.Contains(PolicyCheckCodes.SensitiveDataInHighRiskCountry, Checks(e, overrides: new() { ["PH"] = new CountryOverrideValues(20, null, null) }));
        Assert.DoesNotContain(PolicyCheckCodes.SensitiveDataInHighRiskCountry, Checks(e, stability: new() { ["PH"] = 20 }, overrides: new() { ["PH"] = new CountryOverrideValues(90, null, null) }));
        Assert.DoesNotContain(PolicyCheckCodes.SensitiveDataInHighRiskCountry, Checks(e, AllOn with { SensitiveDataInHighRiskCountry = false }, stability: new() { ["PH"] = 20 }));
        Assert.DoesNotContain(PolicyCheckCodes.SensitiveDataInHighRiskCountry, Checks(e, stability: [])); // no reference data: not judged high risk
    }

    [Theory]
    [InlineData(new[] { DataSensitivities.Personal }, false, true)]
    [InlineData(new[] { DataSensitivities.Health }, false, true)]
    [InlineData(new[] { DataSensitivities.ConfidentialIp }, false, false)]
    [InlineData(new[] { DataSensitivities.Personal }, true, false)]
    public void Sensitive_data_needs_a_certified_provider(string[] sensitivity, bool certified, bool expected) =>
        Assert.Equal(expected, Checks(E(sensitivity: sensitivity), certified: certified).Contains(PolicyCheckCodes.SensitiveDataWithoutCertification));

    [Theory]
    [InlineData("ISO/IEC 27001:2022", true)]
    [InlineData("SOC-2 Type II", true)]
    [InlineData("soc 2", true)]
    [InlineData("ISO 9001", false)]
    public void Security_certificates_are_recognised_by_name(string name, bool expected) =>
        Assert.Equal(expected, PolicyFindings.IsSecurityCertificate(name));

    [Fact]
    public void An_expired_certificate_is_not_current()
    {
        var provider = P(ProviderA, new Certification("ISO 27001", Today.AddDays(-1)));
        Assert.False(PolicyFindings.HasCurrentCertificate(provider, Today));
        Assert.True(PolicyFindings.HasCurrentCertificate(P(ProviderA, new Certification("ISO 27001", Today)), Today));
    }

    [Fact]
    public void A_critical_process_with_one_source_is_single_sourced_until_a_second_source_is_active()
    {
        var critical = E(criticality: "critical");
        Assert.Contains(PolicyCheckCodes.SingleSourcedCriticalProcess, Checks(critical));
        Assert.Contains(PolicyCheckCodes.SingleSourcedCriticalProcess, Checks(critical, others: E(provider: ProviderA)));
        Assert.Contains(PolicyCheckCodes.SingleSourcedCriticalProcess, Checks(critical, others: E(provider: ProviderB, status: EngagementValues.Planned)));
        Assert.DoesNotContain(PolicyCheckCodes.SingleSourcedCriticalProcess, Checks(critical, others: E(provider: ProviderB)));
        Assert.DoesNotContain(PolicyCheckCodes.SingleSourcedCriticalProcess, Checks(critical, others: E(kind: SourceKinds.CaptiveCentre)));
        Assert.DoesNotContain(PolicyCheckCodes.SingleSourcedCriticalProcess, Checks(E(criticality: "important")));
    }

    [Theory]
    [InlineData(true, "provider-premises", SourceKinds.Provider, true)]
    [InlineData(true, "tenant-premises", SourceKinds.Provider, false)]
    [InlineData(false, "provider-premises", SourceKinds.Provider, false)]
    [InlineData(true, "provider-premises", SourceKinds.CaptiveCentre, false)]
    public void A_core_process_done_by_a_third_party_off_the_tenants_premises_is_flagged(bool core, string place, string kind, bool expected) =>
        Assert.Equal(expected, Checks(E(core: core, place: place, kind: kind)).Contains(PolicyCheckCodes.CoreProcessOutsourced));

    [Fact]
    public void An_engagement_without_an_sla_is_not_monitored()
    {
        Assert.Contains(PolicyCheckCodes.NotMonitored, Checks(E(), monitored: false));
        Assert.DoesNotContain(PolicyCheckCodes.NotMonitored, Checks(E(), AllOn with { NotMonitored = false }, monitored: false));
    }

    [Fact]
    public void A_terminated_engagement_has_no_findings() =>
        Assert.Empty(Checks(E(process: BusinessProcesses.Legal, core: true, status: EngagementValues.Terminated), monitored: false));
}
