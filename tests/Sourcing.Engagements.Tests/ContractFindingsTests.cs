using Sourcing.Contracts;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Findings;

namespace Sourcing.Engagements.Tests;

/// <summary>The contract checks, one case per rule (the policy checks are the risk service's: PolicyChecksTests there).</summary>
public sealed class ContractFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static Engagement E(string status = EngagementStatuses.Active, DateOnly? end = null, int notice = 0, bool autoRenewal = false) => new()
    {
        Id = Guid.NewGuid(),
        Name = "e",
        SourceKind = SourceKinds.Provider,
        ProviderId = Guid.NewGuid(),
        BusinessProcess = BusinessProcesses.Legal,
        DeliveryCountry = "PH",
        Criticality = Criticalities.Critical,
        Status = status,
        Core = true,
        PlaceOfWork = PlacesOfWork.ProviderPremises,
        ContractStart = end is null ? null : new DateOnly(2024, 1, 1),
        ContractEnd = end,
        NoticePeriodDays = notice,
        AutoRenewal = autoRenewal,
    };

    private static List<string> Checks(Engagement e) => [.. ContractFindings.Evaluate([e], Today).Select(f => f.Check).Order()];

    [Fact]
    public void An_engagement_without_a_contract_end_has_no_contract_findings() => Assert.Empty(Checks(E()));

    [Theory]
    [InlineData(-1, 0, false, EngagementStatuses.Active, FindingChecks.ContractPastEndDate)]
    [InlineData(-1, 0, true, EngagementStatuses.Active, null)] // renews automatically
    [InlineData(-1, 0, false, EngagementStatuses.Planned, null)]
    [InlineData(30, 90, false, EngagementStatuses.Active, FindingChecks.ContractInNoticeWindow)]
    [InlineData(90, 90, false, EngagementStatuses.Active, FindingChecks.ContractInNoticeWindow)] // the window's first day
    [InlineData(91, 90, false, EngagementStatuses.Active, null)]
    [InlineData(0, 0, false, EngagementStatuses.Active, FindingChecks.ContractInNoticeWindow)] // ends today
    [InlineData(-5, 0, false, EngagementStatuses.Terminated, null)]
    public void Contract_checks_follow_the_end_date_and_notice_period(int endsInDays, int notice, bool autoRenewal, string status, string? expected)
    {
        var checks = Checks(E(end: Today.AddDays(endsInDays), notice: notice, autoRenewal: autoRenewal, status: status));
        Assert.Equal(expected is null ? [] : [expected], checks);
    }
}
