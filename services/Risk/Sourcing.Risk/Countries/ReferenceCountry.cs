namespace Sourcing.Risk.Countries;

/// <summary>A row of the WGI 2025 political-stability file (World Bank, CC BY 4.0); shared by every tenant.</summary>
public sealed class ReferenceCountry
{
    public string Iso3 { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 from the runtime's region data; null where the runtime does not know the code.</summary>
    public string? Iso2 { get; set; }

    public string Name { get; set; } = "";

    public decimal? PoliticalStability { get; set; }

    public decimal? Lower90 { get; set; }

    public decimal? Upper90 { get; set; }
}

/// <summary>An ECB euro reference rate: units of the currency per euro on a TARGET business day.</summary>
public sealed class ExchangeRate
{
    public string Currency { get; set; } = "";

    public DateOnly Date { get; set; }

    public decimal Rate { get; set; }
}

/// <summary>Which version (SHA-256) of each shipped data file is loaded.</summary>
public sealed class ReferenceDataVersion
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public DateTimeOffset LoadedAt { get; set; }
}
