using Sourcing.Contracts;
using Sourcing.Risk.Alerts;

namespace Sourcing.Risk.Tests;

/// <summary>DOMAIN.md: an alert when a contract enters its notice window without a renewal decision.</summary>
public sealed class NoticeWindowTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static ContractTerms Contract(int endsInDays, int notice, string decision, bool autoRenewal = false) => new()
    {
        Start = Today.AddYears(-2),
        End = Today.AddDays(endsInDays),
        NoticePeriodDays = notice,
        AutoRenewal = autoRenewal,
        PricingModel = "fixed-fee",
        RenewalDecision = decision,
    };

    [Theory]
    [InlineData(30, 90, RenewalDecisions.Undecided, false, true)]
    [InlineData(90, 90, RenewalDecisions.Undecided, false, true)]   // the window's first day
    [InlineData(91, 90, RenewalDecisions.Undecided, false, false)]  // not yet in the window
    [InlineData(0, 90, RenewalDecisions.Undecided, false, true)]    // ends today
    [InlineData(-1, 90, RenewalDecisions.Undecided, false, false)]  // ended: past the window
    [InlineData(30, 90, RenewalDecisions.Renew, false, false)]
    [InlineData(30, 90, RenewalDecisions.Exit, false, false)]
    [InlineData(30, 90, RenewalDecisions.Undecided, true, true)]    // automatic renewal is not a decision
    [InlineData(30, 90, RenewalDecisions.Renew, true, false)]
    public void The_notice_window_alert_needs_an_undecided_contract_inside_its_window(int endsInDays, int notice, string decision, bool autoRenewal, bool expected) =>
        Assert.Equal(expected, AlertRules.InNoticeWindowWithoutDecision(Contract(endsInDays, notice, decision, autoRenewal), Today));

    [Fact]
    public void An_open_ended_contract_or_none_has_no_notice_window()
    {
        Assert.False(AlertRules.InNoticeWindowWithoutDecision(Contract(30, 90, RenewalDecisions.Undecided) with { End = null }, Today));
        Assert.False(AlertRules.InNoticeWindowWithoutDecision(null, Today));
    }

    [Fact]
    public void An_event_written_before_the_renewal_decision_existed_reads_as_undecided()
    {
        const string old = """{"start":"2025-01-01","end":"2026-07-30","noticePeriodDays":90,"autoRenewal":false,"pricingModel":"fixed-fee"}""";
        var contract = System.Text.Json.JsonSerializer.Deserialize<ContractTerms>(old, Web)!;
        Assert.Equal(RenewalDecisions.Undecided, contract.RenewalDecision);
        Assert.True(AlertRules.InNoticeWindowWithoutDecision(contract, Today));
    }
}
