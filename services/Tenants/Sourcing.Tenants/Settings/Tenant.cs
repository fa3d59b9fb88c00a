using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Tenants.Settings;

/// <summary>A customer company and its settings (one row per tenant, keyed by the tenant id).</summary>
public sealed class Tenant : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string HqCountry { get; set; } = "";

    public string ReportingCurrency { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public List<string> WorkingLanguages { get; set; } = [];

    public decimal QualityWeight { get; set; }

    public decimal DependencyWeight { get; set; }

    public decimal GeopoliticalWeight { get; set; }

    public decimal MediumThreshold { get; set; }

    public decimal HighThreshold { get; set; }

    public decimal CriticalThreshold { get; set; }

    public bool CheckNotAdvisableToOffshore { get; set; }

    public bool CheckSensitiveDataInHighRiskCountry { get; set; }

    public bool CheckSensitiveDataWithoutCertification { get; set; }

    public bool CheckSingleSourcedCriticalProcess { get; set; }

    public bool CheckCoreProcessOutsourced { get; set; }

    public bool CheckNotMonitored { get; set; }

    public List<string> NotToOffshoreProcesses { get; set; } = [];

    public decimal CountryConcentrationThresholdPercent { get; set; }

    /// <summary>The quality score's window and additions (a jsonb column).</summary>
    public QualityScoreSettings QualityScore { get; set; } = new();

    /// <summary>The dependency score's additions and limits (a jsonb column).</summary>
    public DependencyScoreSettings DependencyScore { get; set; } = new();

    /// <summary>The geopolitical score's weights (a jsonb column).</summary>
    public GeopoliticalWeights GeopoliticalWeights { get; set; } = new();

    /// <summary>Concurrency token and ETag; increases with every change.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string ETag => $"\"{Version}\"";

    /// <summary>A new tenant with DOMAIN.md's defaults.</summary>
    public static Tenant SignUp(Guid tenantId, TenantSignUp signUp, DateTimeOffset now)
    {
        var tenant = new Tenant { TenantId = tenantId, CreatedAt = now, UpdatedAt = now, Version = 1 };
        tenant.Apply(new TenantSettings
        {
            Name = signUp.CompanyName,
            HqCountry = signUp.HqCountry,
            ReportingCurrency = signUp.ReportingCurrency,
            TimeZone = signUp.TimeZone,
            // Sign-up does not ask, and no primary language can be derived from the runtime's data
            // (see IsoCodes.LanguagesOf): English until an admin says otherwise in the settings.
            WorkingLanguages = ["en"],
            RiskWeights = new RiskWeights(0.4m, 0.3m, 0.3m),
            BandThresholds = new BandThresholds(25m, 50m, 75m),
            PolicyChecks = new PolicyChecks(true, true, true, true, true, true),
            NotToOffshoreProcesses = [BusinessProcesses.Legal],
            CountryConcentrationThresholdPercent = 50m,
            Version = 1,
        });
        return tenant;
    }

    public TenantSettings ToSettings() => new()
    {
        Name = Name,
        HqCountry = HqCountry,
        ReportingCurrency = ReportingCurrency,
        TimeZone = TimeZone,
        WorkingLanguages = WorkingLanguages,
        RiskWeights = new RiskWeights(QualityWeight, DependencyWeight, GeopoliticalWeight),
        BandThresholds = new BandThresholds(MediumThreshold, HighThreshold, CriticalThreshold),
        PolicyChecks = new PolicyChecks(
            CheckNotAdvisableToOffshore,
            CheckSensitiveDataInHighRiskCountry,
            CheckSensitiveDataWithoutCertification,
            CheckSingleSourcedCriticalProcess,
            CheckCoreProcessOutsourced,
            CheckNotMonitored),
        NotToOffshoreProcesses = NotToOffshoreProcesses,
        CountryConcentrationThresholdPercent = CountryConcentrationThresholdPercent,
        QualityScore = QualityScore,
        DependencyScore = DependencyScore,
        GeopoliticalWeights = GeopoliticalWeights,
        Version = Version,
    };

    /// <summary>Takes every value of <paramref name="settings"/> but the version.</summary>
    public void Apply(TenantSettings settings)
    {
        Name = settings.Name;
        HqCountry = settings.HqCountry;
        ReportingCurrency = settings.ReportingCurrency;
        TimeZone = settings.TimeZone;
        WorkingLanguages = [.. settings.WorkingLanguages];
        QualityWeight = settings.RiskWeights.Quality;
        DependencyWeight = settings.RiskWeights.Dependency;
        GeopoliticalWeight = settings.RiskWeights.Geopolitical;
        MediumThreshold = settings.BandThresholds.Medium;
        HighThreshold = settings.BandThresholds.High;
        CriticalThreshold = settings.BandThresholds.Critical;
        CheckNotAdvisableToOffshore = settings.PolicyChecks.NotAdvisableToOffshore;
        CheckSensitiveDataInHighRiskCountry = settings.PolicyChecks.SensitiveDataInHighRiskCountry;
        CheckSensitiveDataWithoutCertification = settings.PolicyChecks.SensitiveDataWithoutCertification;
        CheckSingleSourcedCriticalProcess = settings.PolicyChecks.SingleSourcedCriticalProcess;
        CheckCoreProcessOutsourced = settings.PolicyChecks.CoreProcessOutsourced;
        CheckNotMonitored = settings.PolicyChecks.NotMonitored;
        NotToOffshoreProcesses = [.. settings.NotToOffshoreProcesses];
        CountryConcentrationThresholdPercent = settings.CountryConcentrationThresholdPercent;
        QualityScore = settings.QualityScore;
        DependencyScore = settings.DependencyScore;
        GeopoliticalWeights = settings.GeopoliticalWeights;
    }
}
