using Sourcing.Contracts;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Findings;

namespace Sourcing.Engagements.Tests;

/// <summary>The policy and contract checks, one case per rule, each also shown clearing.</summary>
public sealed class PolicyFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid ProviderA = Guid.NewGuid();
    private static readonly Guid ProviderB = Guid.NewGuid();
    private static readonly PolicySettings AllOn = new("US", true, true, true, true, [BusinessProcesses.Legal]);

    private static Engagement E(
        string process = BusinessProcesses.CustomerService,
        string country = "PH",
        Guid? provider = null,
        string criticality = Criticalities.Standard,
        string status = EngagementStatuses.Active,
        bool core = false,
        string place = PlacesOfWork.ProviderPremises,
        string[]? sensitivity = null,
        DateOnly? end = null,
        int notice = 0,
        bool autoRenewal = false) => new()
    {
        Id = Guid.NewGuid(),
        Name = "e",
        SourceKind = SourceKinds.Provider,
        ProviderId = provider ?? ProviderA,
        BusinessProcess = process,
        DeliveryCountry = country,
        Criticality = criticality,
        Status = status,
        Core = core,
        PlaceOfWork = place,
        DataSensitivity = [.. sensitivity ?? []],
        ContractStart = end is null ? null : new DateOnly(2024, 1, 1),
        ContractEnd = end,
        NoticePeriodDays = notice,
        AutoRenewal = autoRenewal,
    };

    private static List<string> Checks(Engagement e, PolicySettings? settings = null, IReadOnlySet<Guid>? certified = null, params Engagement[] others) =>
        [.. PolicyFindings.Evaluate(settings ?? AllOn, [e, .. others], certified ?? new HashSet<Guid> { ProviderA, ProviderB }, Today)
            .Where(f => f.EngagementId == e.Id).Select(f => f.Check).Order()];

    [Fact]
    public void A_clean_engagement_has_no_findings() => Assert.Empty(Checks(E()));

    [Theory]
    [InlineData("PH", true)]
    [InlineData("MX", true)] // nearshore is abroad too
    [InlineData("US", false)]
    public void Legal_work_abroad_is_not_advisable(string country, bool expected) =>
        Assert.Equal(expected, Checks(E(process: BusinessProcesses.Legal, country: country)).Contains(FindingChecks.NotAdvisableToOffshore));

    [Fact]
    public void A_switched_off_check_finds_nothing() =>
        Assert.Empty(Checks(E(process: BusinessProcesses.Legal), AllOn with { NotAdvisableToOffshore = false }));

    [Theory]
    [InlineData(new[] { DataSensitivities.Personal }, false, true)]
    [InlineData(new[] { DataSensitivities.Health }, false, true)]
    [InlineData(new[] { DataSensitivities.ConfidentialIp }, false, false)]
    [InlineData(new[] { DataSensitivities.Personal }, true, false)]
    public void Sensitive_data_needs_a_certified_provider(string[] sensitivity, bool certified, bool expected) =>
        Assert.Equal(
            expected,
            Checks(E(sensitivity: sensitivity), certified: certified ? new HashSet<Guid> { ProviderA } : new HashSet<Guid>())
                .Contains(FindingChecks.SensitiveDataWithoutCertification));

    [Fact]
    public void A_critical_process_with_one_source_is_single_sourced_until_a_second_source_is_active()
    {
        var critical = E(criticality: Criticalities.Critical);
        Assert.Contains(FindingChecks.SingleSourcedCriticalProcess, Checks(critical));
        Assert.Contains(FindingChecks.SingleSourcedCriticalProcess, Checks(critical, others: E(provider: ProviderA)));
        Assert.Contains(FindingChecks.SingleSourcedCriticalProcess, Checks(critical, others: E(provider: ProviderB, status: EngagementStatuses.Planned)));
        Assert.DoesNotContain(FindingChecks.SingleSourcedCriticalProcess, Checks(critical, others: E(provider: ProviderB)));
        Assert.DoesNotContain(FindingChecks.SingleSourcedCriticalProcess, Checks(E(criticality: Criticalities.Important)));
    }

    [Theory]
    [InlineData(true, PlacesOfWork.ProviderPremises, true)]
    [InlineData(true, PlacesOfWork.TenantPremises, false)]
    [InlineData(false, PlacesOfWork.ProviderPremises, false)]
    public void A_core_process_off_the_tenants_premises_is_flagged(bool core, string place, bool expected) =>
        Assert.Equal(expected, Checks(E(core: core, place: place)).Contains(FindingChecks.CoreProcessOutsourced));

    [Theory]
    [InlineData(-1, 0, false, EngagementStatuses.Active, FindingChecks.ContractPastEndDate)]
    [InlineData(-1, 0, true, EngagementStatuses.Active, null)] // renews automatically
    [InlineData(-1, 0, false, EngagementStatuses.Planned, null)]
    [InlineData(30, 90, false, EngagementStatuses.Active, FindingChecks.ContractInNoticeWindow)]
    [InlineData(90, 90, false, EngagementStatuses.Active, FindingChecks.ContractInNoticeWindow)] // the window's first day
    [InlineData(91, 90, false, EngagementStatuses.Active, null)]
    [InlineData(0, 0, false, EngagementStatuses.Active, FindingChecks.ContractInNoticeWindow)] // ends today
    public void Contract_checks_follow_the_end_date_and_notice_period(int endsInDays, int notice, bool autoRenewal, string status, string? expected)
    {
        var checks = Checks(E(end: Today.AddDays(endsInDays), notice: notice, autoRenewal: autoRenewal, status: status));
        Assert.Equal(expected is null ? [] : [expected], checks);
    }

    [Fact]
    public void A_terminated_engagement_has_no_findings() =>
        Assert.Empty(Checks(E(process: BusinessProcesses.Legal, core: true, status: EngagementStatuses.Terminated, end: Today.AddDays(-5))));
}
