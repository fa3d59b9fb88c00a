using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.ReadModel;

/// <summary>The risk service's copy of a provider (ProviderRegistered / ProviderChanged).</summary>
public sealed class Provider : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string LegalName { get; set; } = "";

    public string HqCountry { get; set; } = "";

    public List<Certification> Certifications { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>The risk service's copy of a captive centre or partnership.</summary>
public sealed class CaptiveCentre : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string LegalEntity { get; set; } = "";

    public string Country { get; set; } = "";

    /// <summary>captive-centre or partnership.</summary>
    public string Kind { get; set; } = "";

    public int? Headcount { get; set; }

    public decimal? AnnualOperatingCost { get; set; }

    public string? Currency { get; set; }

    public int Version { get; set; }
}
