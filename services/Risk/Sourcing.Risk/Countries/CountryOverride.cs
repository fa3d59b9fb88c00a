using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Countries;

/// <summary>A tenant's replacement values for one country; each one that is set replaces the reference value in its scores.</summary>
public sealed class CountryOverride : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";

    /// <summary>0-100, replaces the WGI political-stability score.</summary>
    public decimal? PoliticalStability { get; set; }

    /// <summary>0-100, replaces the currency part.</summary>
    public decimal? CurrencyRisk { get; set; }

    /// <summary>0-100, replaces the communication part.</summary>
    public decimal? CommunicationRisk { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
