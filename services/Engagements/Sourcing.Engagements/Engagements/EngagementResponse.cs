using Sourcing.Contracts;
using Sourcing.Engagements.Findings;

namespace Sourcing.Engagements.Engagements;

public sealed record EngagementResponse(
    Guid Id,
    string Name,
    string SourceKind,
    Guid? ProviderId,
    Guid? CaptiveCentreId,
    string Scope,
    string BusinessProcess,
    string DeliveryCountry,
    string? DeliverySite,
    string DeliveryTimeZone,
    IReadOnlyList<string> DeliveryLanguages,
    string PlaceOfWork,
    int? Headcount,
    bool Core,
    IReadOnlyList<string> DataSensitivity,
    string Criticality,
    Guid? OwnerUserId,
    string Status,
    ContractTerms? Contract,
    EngagementClassification Classification,
    IReadOnlyList<string> BusinessFunctions,
    IReadOnlyList<string> DataStorageCountries,
    IReadOnlyList<string> DataProcessingCountries,
    DateOnly? TerminatedOn,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<Finding>? Findings)
{
    public static EngagementResponse From(Engagement e, IReadOnlyList<Finding>? findings = null) => new(
        e.Id, e.Name, e.SourceKind, e.ProviderId, e.CaptiveCentreId, e.Scope, e.BusinessProcess, e.DeliveryCountry, e.DeliverySite,
        e.DeliveryTimeZone, e.DeliveryLanguages, e.PlaceOfWork, e.Headcount, e.Core, e.DataSensitivity, e.Criticality, e.OwnerUserId,
        e.Status, e.Contract, e.Classification, e.BusinessFunctions, e.DataStorageCountries, e.DataProcessingCountries, e.TerminatedOn,
        e.Version, e.CreatedAt, e.UpdatedAt, findings);
}
