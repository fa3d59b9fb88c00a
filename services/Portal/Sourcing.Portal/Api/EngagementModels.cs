namespace Sourcing.Portal.Api;

/// <summary>A page of a list, as every API answers it.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount, int TotalPages);

/// <summary>An engagement as the engagements API shows it (only what the portal displays).</summary>
public sealed record Engagement(
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
    IReadOnlyList<string>? DeliveryLanguages,
    string PlaceOfWork,
    int? Headcount,
    bool Core,
    IReadOnlyList<string>? DataSensitivity,
    string Criticality,
    Guid? OwnerUserId,
    string Status,
    Contract? Contract,
    Classification Classification,
    IReadOnlyList<string>? BusinessFunctions,
    IReadOnlyList<string>? DataStorageCountries,
    IReadOnlyList<string>? DataProcessingCountries,
    DateOnly? TerminatedOn,
    int Version,
    IReadOnlyList<EngagementFinding>? Findings);

/// <summary>An engagement as the create and edit forms send it (the API validates every field and names each it refuses).</summary>
public sealed record EngagementChange(
    string? Name,
    Guid? ProviderId,
    Guid? CaptiveCentreId,
    string? Scope,
    string? BusinessProcess,
    string? DeliveryCountry,
    string? DeliverySite,
    string? DeliveryTimeZone,
    IReadOnlyList<string>? DeliveryLanguages,
    string? PlaceOfWork,
    int? Headcount,
    bool Core,
    IReadOnlyList<string> DataSensitivity,
    string? Criticality,
    Guid? OwnerUserId,
    string? Status,
    ContractChange? Contract,
    IReadOnlyList<string> BusinessFunctions,
    IReadOnlyList<string> DataStorageCountries,
    IReadOnlyList<string> DataProcessingCountries,
    DateOnly? TerminatedOn);

public sealed record ContractChange(
    DateOnly? Start,
    DateOnly? End,
    int? NoticePeriodDays,
    bool AutoRenewal,
    string? PricingModel,
    decimal? AnnualValue,
    string? Currency,
    string? ServiceCreditTerms,
    string? RenewalDecision);

public sealed record ProviderSummary(Guid Id, string LegalName, string HqCountry);

public sealed record CaptiveCentreSummary(Guid Id, string LegalEntity, string Country, string Kind);

/// <summary>The classification a would-be engagement gets, with the defaults the service filled in.</summary>
public sealed record ClassificationAnswer(string SourceKind, string DeliveryCountry, string DeliveryTimeZone, Classification Classification);

public sealed record Contract(
    DateOnly Start,
    DateOnly? End,
    int NoticePeriodDays,
    bool AutoRenewal,
    string PricingModel,
    decimal? AnnualValue,
    string? Currency,
    string? ServiceCreditTerms,
    string? RenewalDecision);

/// <summary>The classification the engagements service computed, with its label and reason in words.</summary>
public sealed record Classification(string Kind, string Label, string LocationGrade, string Reason, decimal? LocationGapHours, int? LocationGapYear);

public sealed record EngagementFinding(string Check, string Severity, string Message);

public sealed record TotalRow(string Key, string Label, int Count, int Headcount);

public sealed record EngagementTotals(int Count, IReadOnlyList<TotalRow> ByClassification, IReadOnlyList<TotalRow> ByCountry, IReadOnlyList<TotalRow> ByProcess);

/// <summary>The list filters the engagements API takes (codes; empty means any).</summary>
public sealed record EngagementFilter(
    string? Q = null,
    string? Country = null,
    string? Process = null,
    string? Classification = null,
    string? LocationGrade = null,
    string? Criticality = null,
    string? Status = null,
    string? Sort = null,
    int Page = 1,
    Guid? ProviderId = null,
    Guid? CaptiveCentreId = null);
