namespace Sourcing.Contracts;

/// <summary>The business processes of DOMAIN.md, as the codes the APIs and events use.</summary>
public static class BusinessProcesses
{
    public const string CustomerService = "customer-service";
    public const string HrAndPayroll = "hr-payroll";
    public const string Accounting = "accounting";
    public const string ItServices = "it-services";
    public const string DataEntry = "data-entry";
    public const string Legal = "legal";
    public const string Marketing = "marketing";
    public const string Transcription = "transcription";
    public const string OtherService = "other-service";
    public const string Manufacturing = "manufacturing";
    public const string Logistics = "logistics";

    public static readonly IReadOnlyList<string> All =
    [
        CustomerService, HrAndPayroll, Accounting, ItServices, DataEntry, Legal, Marketing,
        Transcription, OtherService, Manufacturing, Logistics,
    ];
}
