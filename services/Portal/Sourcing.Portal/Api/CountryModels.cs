namespace Sourcing.Portal.Api;

/// <summary>A country of the risk service's reference data, with the company's override (only what the portal shows).</summary>
public sealed record Country(
    string Code,
    string Name,
    decimal? PoliticalStability,
    bool InBottomQuartile,
    string? Currency,
    CountryOverride? Override);

/// <summary>The company's own values for a country; each one set replaces the reference value in the scores.</summary>
public sealed record CountryOverride(decimal? PoliticalStability, decimal? CurrencyRisk, decimal? CommunicationRisk, string? Note, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>What an admin sends to set a country's override.</summary>
public sealed record CountryOverrideChange(decimal? PoliticalStability, decimal? CurrencyRisk, decimal? CommunicationRisk, string? Note);
