namespace Sourcing.Portal.Api;

/// <summary>A third-party provider as the engagements API shows it.</summary>
public sealed record Provider(
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
    DateTimeOffset UpdatedAt);

public sealed record Certification(string Name, DateOnly? ValidUntil);

/// <summary>A fourth party: one of the tenant's providers working for this one, ranked (1 = direct).</summary>
public sealed record Subcontractor(Guid ProviderId, int Rank);

/// <summary>What the portal sends to create or replace a provider (the API validates every field).</summary>
public sealed record ProviderChange(
    string? LegalName,
    string? HqCountry,
    IReadOnlyList<string> DeliveryCountries,
    IReadOnlyList<Certification> Certifications,
    string? Website,
    string? ContactName,
    string? ContactEmail,
    string? Lei,
    IReadOnlyList<Subcontractor> Subcontractors);

/// <summary>A captive centre or partnership as the engagements API shows it; its kind follows from share and control.</summary>
public sealed record CaptiveCentre(
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
    DateTimeOffset UpdatedAt);

/// <summary>What the portal sends to create or replace a captive centre.</summary>
public sealed record CaptiveCentreChange(
    string? LegalEntity,
    string? Country,
    decimal? OwnershipPercent,
    bool SharedControl,
    int? Headcount,
    IReadOnlyList<string> Functions,
    decimal? AnnualOperatingCost,
    string? Currency,
    string? Lei);

/// <summary>One line of an audit trail: who changed which field, from what, to what, when.</summary>
public sealed record AuditEntry(
    string Action, string? Field, string? OldValue, string? NewValue, string? ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt);
