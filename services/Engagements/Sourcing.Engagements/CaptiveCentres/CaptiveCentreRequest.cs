using System.ComponentModel.DataAnnotations;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.CaptiveCentres;

/// <summary>A captive centre or partnership as a client sends it (create and replace); its kind follows from the share and control.</summary>
public sealed record CaptiveCentreRequest(
    [property: Required, MaxLength(Limits.Name)] string? LegalEntity,
    [property: Required, MaxLength(2)] string? Country,
    [property: Required, Range(typeof(decimal), "0", "100")] decimal? OwnershipPercent,
    bool? SharedControl,
    [property: Range(0, int.MaxValue)] int? Headcount,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<string>? Functions,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? AnnualOperatingCost,
    [property: MaxLength(3)] string? Currency,
    [property: MaxLength(20)] string? Lei)
{
    public bool ValidateInto(CaptiveCentre centre, ValidationErrors errors)
    {
        errors.Required("legalEntity", LegalEntity, Limits.Name);
        errors.Country("country", Country);
        if (errors.Required("ownershipPercent", OwnershipPercent) && OwnershipPercent is < 0 or > 100)
        {
            errors.Add("ownershipPercent", "must be between 0 and 100.");
        }

        if (Headcount is < 0)
        {
            errors.Add("headcount", "must not be negative.");
        }

        var functions = errors.Texts("functions", Functions);
        if (AnnualOperatingCost is < 0)
        {
            errors.Add("annualOperatingCost", "must not be negative.");
        }
        else if (AnnualOperatingCost > 1_000_000_000_000m)
        {
            errors.Add("annualOperatingCost", "must be less than 10^12.");
        }

        var currency = Currency;
        if (currency is not null)
        {
            errors.Currency("currency", currency);
        }
        else if (Country is not null && IsoCodes.IsCountry(Country))
        {
            currency = IsoCodes.CurrencyOf(Country);
        }

        var lei = errors.Lei("lei", Lei);
        if (errors.Any)
        {
            return false;
        }

        centre.LegalEntity = LegalEntity!.Trim();
        centre.Country = Country!;
        centre.OwnershipPercent = OwnershipPercent!.Value;
        centre.SharedControl = SharedControl ?? false;
        centre.Headcount = Headcount;
        centre.Functions = functions;
        centre.AnnualOperatingCost = AnnualOperatingCost;
        centre.Currency = currency;
        centre.Lei = lei;
        return true;
    }
}

public sealed record CaptiveCentreResponse(
    Guid Id,
    string LegalEntity,
    string Country,
    decimal OwnershipPercent,
    bool SharedControl,
    string Kind,
    int? Headcount,
    IReadOnlyList<string> Functions,
    decimal? AnnualOperatingCost,
    string? Currency,
    string? Lei,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CaptiveCentreResponse From(CaptiveCentre c) => new(
        c.Id, c.LegalEntity, c.Country, c.OwnershipPercent, c.SharedControl, c.Kind, c.Headcount, c.Functions,
        c.AnnualOperatingCost, c.Currency, c.Lei, c.Version, c.CreatedAt, c.UpdatedAt);
}
