using System.Globalization;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.CaptiveCentres;

/// <summary>
/// An entity the tenant holds a stake in. Per DOMAIN.md it is a captive centre when the share is over
/// 50 % and control is not shared, otherwise a partnership (joint venture).
/// </summary>
public sealed class CaptiveCentre : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string LegalEntity { get; set; } = "";

    public string Country { get; set; } = "";

    public decimal OwnershipPercent { get; set; }

    public bool SharedControl { get; set; }

    public int? Headcount { get; set; }

    public List<string> Functions { get; set; } = [];

    public decimal? AnnualOperatingCost { get; set; }

    public string? Currency { get; set; }

    public string? Lei { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string ETag => $"\"{Version}\"";

    public string Kind => KindOf(OwnershipPercent, SharedControl);

    public static string KindOf(decimal ownershipPercent, bool sharedControl) =>
        ownershipPercent > 50m && !sharedControl ? SourceKinds.CaptiveCentre : SourceKinds.Partnership;

    public CaptiveCentreState ToState() => new()
    {
        Id = Id,
        LegalEntity = LegalEntity,
        Country = Country,
        OwnershipPercent = OwnershipPercent,
        SharedControl = SharedControl,
        Kind = Kind,
        Headcount = Headcount,
        Functions = Functions,
        AnnualOperatingCost = AnnualOperatingCost,
        Currency = Currency,
        Lei = Lei,
        Version = Version,
    };

    public Dictionary<string, string?> Snapshot() => new(StringComparer.Ordinal)
    {
        ["legalEntity"] = LegalEntity,
        ["country"] = Country,
        ["ownershipPercent"] = Text(OwnershipPercent),
        ["sharedControl"] = SharedControl ? "true" : "false",
        ["kind"] = Kind,
        ["headcount"] = Headcount?.ToString(CultureInfo.InvariantCulture),
        ["functions"] = string.Join(";", Functions),
        ["annualOperatingCost"] = Text(AnnualOperatingCost),
        ["currency"] = Currency,
        ["lei"] = Lei,
    };

    /// <summary>A decimal as text without trailing zeros, so 1200000.00 read back equals 1200000 sent.</summary>
    internal static string? Text(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture);
}
