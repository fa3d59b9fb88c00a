using System.ComponentModel.DataAnnotations;
using Sourcing.Contracts;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Providers;

public sealed record CertificationRequest([property: Required, MaxLength(Limits.ShortText)] string? Name, DateOnly? ValidUntil);

public sealed record SubcontractorRequest([property: Required] Guid? ProviderId, [property: Required, Range(1, int.MaxValue)] int? Rank);

/// <summary>A provider as a client sends it (create and replace).</summary>
public sealed record ProviderRequest(
    [property: Required, MaxLength(Limits.Name)] string? LegalName,
    [property: Required, MaxLength(2)] string? HqCountry,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<string>? DeliveryCountries,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<CertificationRequest>? Certifications,
    [property: MaxLength(Limits.Url)] string? Website,
    [property: MaxLength(Limits.Name)] string? ContactName,
    [property: MaxLength(254)] string? ContactEmail,
    [property: MaxLength(20)] string? Lei,
    IReadOnlyList<SubcontractorRequest>? Subcontractors)
{
    /// <summary>Validates every field (naming each failure) and, when all pass, writes them onto <paramref name="provider"/>.</summary>
    public bool ValidateInto(Provider provider, ValidationErrors errors)
    {
        errors.Required("legalName", LegalName, Limits.Name);
        errors.Country("hqCountry", HqCountry);
        var countries = errors.Countries("deliveryCountries", DeliveryCountries);
        var certifications = new List<Certification>();
        if (Certifications is { Count: > Limits.MaxListItems })
        {
            errors.Add("certifications", $"must list at most {Limits.MaxListItems} certificates.");
        }
        else if (Certifications is not null)
        {
            for (var i = 0; i < Certifications.Count; i++)
            {
                if (Certifications[i] is null)
                {
                    errors.Add($"certifications[{i}]", "is required.");
                }
                else if (errors.Required($"certifications[{i}].name", Certifications[i].Name, Limits.ShortText))
                {
                    certifications.Add(new Certification(Certifications[i].Name!.Trim(), Certifications[i].ValidUntil));
                }
            }
        }

        var website = errors.Optional("website", Website, Limits.Url);
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add("website", "must be an absolute http or https URL.");
        }

        var contactName = errors.Optional("contactName", ContactName);
        var contactEmail = errors.Optional("contactEmail", ContactEmail, 254);
        if (contactEmail is not null && !IsoCodes.IsEmail(contactEmail))
        {
            errors.Add("contactEmail", "is not a valid e-mail address.");
        }

        var lei = errors.Lei("lei", Lei);
        var subcontractors = new List<Subcontractor>();
        if (Subcontractors is not null)
        {
            for (var i = 0; i < Subcontractors.Count; i++)
            {
                var s = Subcontractors[i];
                if (errors.Required($"subcontractors[{i}].providerId", s?.ProviderId) & errors.Required($"subcontractors[{i}].rank", s?.Rank))
                {
                    if (s!.Rank < 1)
                    {
                        errors.Add($"subcontractors[{i}].rank", "must be 1 (direct) or more.");
                    }
                    else if (s.ProviderId == provider.Id)
                    {
                        errors.Add($"subcontractors[{i}].providerId", "a provider cannot be its own subcontractor.");
                    }
                    else
                    {
                        subcontractors.Add(new Subcontractor(s.ProviderId!.Value, s.Rank!.Value));
                    }
                }
            }
        }

        if (errors.Any)
        {
            return false;
        }

        provider.LegalName = LegalName!.Trim();
        provider.HqCountry = HqCountry!;
        provider.DeliveryCountries = countries;
        provider.Certifications = certifications;
        provider.Website = website;
        provider.ContactName = contactName;
        provider.ContactEmail = contactEmail;
        provider.Lei = lei;
        provider.Subcontractors = [.. subcontractors.OrderBy(s => s.Rank)];
        return true;
    }
}

public sealed record ProviderResponse(
    Guid Id,
    string LegalName,
    string HqCountry,
    IReadOnlyList<string> DeliveryCountries,
    IReadOnlyList<Certification> Certifications,
    string? Website,
    string? ContactName,
    string? ContactEmail,
    string? Lei,
    IReadOnlyList<Subcontractor> Subcontractors,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProviderResponse From(Provider p) => new(
        p.Id, p.LegalName, p.HqCountry, p.DeliveryCountries, p.Certifications, p.Website, p.ContactName, p.ContactEmail,
        p.Lei, p.Subcontractors, p.Version, p.CreatedAt, p.UpdatedAt);
}
