using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

/// <summary>What the risk unit tests share: a US tenant in USD on New York time with DOMAIN.md's defaults, and empty reference data.</summary>
internal static class TestTenants
{
    public static TenantSettings UsSettings => new()
    {
        Name = "T",
        HqCountry = "US",
        ReportingCurrency = "USD",
        TimeZone = "America/New_York",
        WorkingLanguages = ["en"],
        RiskWeights = new RiskWeights(0.4m, 0.3m, 0.3m),
        BandThresholds = new BandThresholds(25, 50, 75),
        PolicyChecks = new PolicyChecks(true, true, true, true, true, true),
        NotToOffshoreProcesses = ["legal"],
        CountryConcentrationThresholdPercent = 50,
        Version = 1,
    };

    /// <summary>No countries, no rates, the 2025 file's bottom-quartile line.</summary>
    public static ReferenceData.Snapshot EmptyReference =>
        new(new Dictionary<string, ReferenceCountry>(), [], 56.31, new CurrencyRates([], new Dictionary<string, double?[]>()));
}
