using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Tenancy;

/// <summary>
/// This service's copy of a tenant's settings (from TenantRegistered and TenantSettingsChanged):
/// what classification and the policy checks need.
/// </summary>
public sealed class TenantProfile : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string HqCountry { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public string ReportingCurrency { get; set; } = "";

    public List<string> WorkingLanguages { get; set; } = [];

    public bool CheckNotAdvisableToOffshore { get; set; }

    public bool CheckSensitiveDataInHighRiskCountry { get; set; }

    public bool CheckSensitiveDataWithoutCertification { get; set; }

    public bool CheckSingleSourcedCriticalProcess { get; set; }

    public bool CheckCoreProcessOutsourced { get; set; }

    public bool CheckNotMonitored { get; set; }

    public List<string> NotToOffshoreProcesses { get; set; } = [];

    /// <summary>The settings' version; an older event than this one is ignored.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Apply(TenantSettings settings)
    {
        Name = settings.Name;
        HqCountry = settings.HqCountry;
        TimeZone = settings.TimeZone;
        ReportingCurrency = settings.ReportingCurrency;
        WorkingLanguages = [.. settings.WorkingLanguages];
        CheckNotAdvisableToOffshore = settings.PolicyChecks.NotAdvisableToOffshore;
        CheckSensitiveDataInHighRiskCountry = settings.PolicyChecks.SensitiveDataInHighRiskCountry;
        CheckSensitiveDataWithoutCertification = settings.PolicyChecks.SensitiveDataWithoutCertification;
        CheckSingleSourcedCriticalProcess = settings.PolicyChecks.SingleSourcedCriticalProcess;
        CheckCoreProcessOutsourced = settings.PolicyChecks.CoreProcessOutsourced;
        CheckNotMonitored = settings.PolicyChecks.NotMonitored;
        NotToOffshoreProcesses = [.. settings.NotToOffshoreProcesses];
        Version = settings.Version;
    }
}
