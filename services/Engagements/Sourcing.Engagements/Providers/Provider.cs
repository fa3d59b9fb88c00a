using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Providers;

/// <summary>A third-party service provider in the tenant's inventory. Deleting one keeps the row (DeletedAt) so that terminated engagements still name it.</summary>
public sealed class Provider : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string LegalName { get; set; } = "";

    public string HqCountry { get; set; } = "";

    public List<string> DeliveryCountries { get; set; } = [];

    public List<Certification> Certifications { get; set; } = [];

    public string? Website { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? Lei { get; set; }

    /// <summary>Fourth parties: this provider's subcontractors (other providers of the tenant), ranked.</summary>
    public List<Subcontractor> Subcontractors { get; set; } = [];

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string ETag => $"\"{Version}\"";

    public ProviderState ToState() => new()
    {
        Id = Id,
        LegalName = LegalName,
        HqCountry = HqCountry,
        DeliveryCountries = DeliveryCountries,
        Certifications = Certifications,
        Website = Website,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        Lei = Lei,
        Subcontractors = Subcontractors,
        Version = Version,
    };

    /// <summary>The audited fields and their values as text, for the audit trail and ChangedFields.</summary>
    public Dictionary<string, string?> Snapshot() => new(StringComparer.Ordinal)
    {
        ["legalName"] = LegalName,
        ["hqCountry"] = HqCountry,
        ["deliveryCountries"] = string.Join(";", DeliveryCountries),
        ["certifications"] = string.Join(";", Certifications.Select(c => c.ValidUntil is { } d ? $"{c.Name}:{d:yyyy-MM-dd}" : c.Name)),
        ["website"] = Website,
        ["contactName"] = ContactName,
        ["contactEmail"] = ContactEmail,
        ["lei"] = Lei,
        ["subcontractors"] = string.Join(";", Subcontractors.Select(s => $"{s.Rank}:{s.ProviderId}")),
    };
}
