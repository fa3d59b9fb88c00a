using System.ComponentModel.DataAnnotations;
using Sourcing.Contracts;
using Sourcing.Engagements.Classification;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Engagements;

public sealed record ContractRequest(
    [property: Required] DateOnly? Start,
    DateOnly? End,
    [property: Range(0, 3650)] int? NoticePeriodDays,
    bool? AutoRenewal,
    [property: Required, OneOf(typeof(PricingModels))] string? PricingModel,
    [property: Range(typeof(decimal), "0", "999999999999.99")] decimal? AnnualValue,
    [property: MaxLength(3)] string? Currency,
    [property: MaxLength(Limits.LongText)] string? ServiceCreditTerms,
    [property: OneOf(typeof(RenewalDecisions))] string? RenewalDecision = null);

/// <summary>What the source of an engagement is, once its id was looked up: kind and country.</summary>
public sealed record ResolvedSource(string Kind, string? Country);

/// <summary>An engagement as a client sends it (create and replace). The source kind and the classification are derived, never sent.</summary>
public sealed record EngagementRequest(
    [property: Required, MaxLength(Limits.Name)] string? Name,
    Guid? ProviderId,
    Guid? CaptiveCentreId,
    [property: Required, OneOf(typeof(EngagementScopes))] string? Scope,
    [property: Required, OneOf(typeof(BusinessProcesses))] string? BusinessProcess,
    [property: MaxLength(2)] string? DeliveryCountry,
    [property: MaxLength(Limits.Name)] string? DeliverySite,
    [property: MaxLength(64)] string? DeliveryTimeZone,
    [property: MaxLength(EngagementRequest.MaxDeliveryLanguages)] IReadOnlyList<string>? DeliveryLanguages,
    [property: OneOf(typeof(PlacesOfWork))] string? PlaceOfWork,
    [property: Range(0, int.MaxValue)] int? Headcount,
    bool? Core,
    [property: OneOf(typeof(DataSensitivities))] IReadOnlyList<string>? DataSensitivity,
    [property: OneOf(typeof(Criticalities))] string? Criticality,
    Guid? OwnerUserId,
    [property: OneOf(typeof(EngagementStatuses))] string? Status,
    ContractRequest? Contract,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<string>? BusinessFunctions,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<string>? DataStorageCountries,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<string>? DataProcessingCountries,
    DateOnly? TerminatedOn)
{
    private const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>
    /// Fits every country's default languages (India's are 28), so that whatever the API returns it
    /// accepts back; a unit test holds every country to it.
    /// </summary>
    public const int MaxDeliveryLanguages = Limits.MaxListItems;

    /// <summary>
    /// Validates every field against the looked-up source (null when it was not found: already an
    /// error), naming each failure; when all pass, writes them onto <paramref name="e"/> (but the classification).
    /// </summary>
    public bool ValidateInto(Engagement e, ValidationErrors errors, ResolvedSource? source, DateOnly today)
    {
        errors.Required("name", Name, Limits.Name);
        if (ProviderId is null && CaptiveCentreId is null)
        {
            errors.Add("providerId", "one of providerId or captiveCentreId is required (who does the work).");
        }
        else if (ProviderId is not null && CaptiveCentreId is not null)
        {
            errors.Add("captiveCentreId", "give either providerId or captiveCentreId, not both.");
        }

        errors.OneOf("scope", Scope, EngagementScopes.All);
        errors.OneOf("businessProcess", BusinessProcess, BusinessProcesses.All);
        var country = DeliveryCountry ?? (source?.Kind != SourceKinds.Provider ? source?.Country : null);
        errors.Country("deliveryCountry", country);
        var site = errors.Optional("deliverySite", DeliverySite);
        var zone = ValidateTimeZone(errors, country, today.Year);
        var languages = ValidateLanguages(errors, country);
        var place = PlaceOfWork ?? PlacesOfWork.ProviderPremises;
        errors.OneOf("placeOfWork", place, PlacesOfWork.All);
        if (Headcount is < 0)
        {
            errors.Add("headcount", "must not be negative.");
        }

        var sensitivity = new List<string>();
        for (var i = 0; i < (DataSensitivity?.Count ?? 0); i++)
        {
            if (errors.OneOf($"dataSensitivity[{i}]", DataSensitivity![i], DataSensitivities.All))
            {
                sensitivity.Add(DataSensitivity[i]);
            }
        }

        var criticality = Criticality ?? Criticalities.Standard;
        errors.OneOf("criticality", criticality, Criticalities.All);
        var status = Status ?? EngagementStatuses.Planned;
        errors.OneOf("status", status, EngagementStatuses.All);
        ValidateContract(errors);
        var functions = errors.Texts("businessFunctions", BusinessFunctions);
        var storage = errors.Countries("dataStorageCountries", DataStorageCountries);
        var processing = errors.Countries("dataProcessingCountries", DataProcessingCountries);
        if (TerminatedOn is not null && status != EngagementStatuses.Terminated)
        {
            errors.Add("terminatedOn", "is only set on a terminated engagement.");
        }

        if (errors.Any || source is null)
        {
            return false;
        }

        e.Name = Name!.Trim();
        e.SourceKind = source.Kind;
        e.ProviderId = ProviderId;
        e.CaptiveCentreId = CaptiveCentreId;
        e.Scope = Scope!;
        e.BusinessProcess = BusinessProcess!;
        e.DeliveryCountry = country!;
        e.DeliverySite = site;
        e.DeliveryTimeZone = zone!;
        e.DeliveryLanguages = languages;
        e.PlaceOfWork = place;
        e.Headcount = Headcount;
        e.Core = Core ?? false;
        e.DataSensitivity = [.. DataSensitivities.All.Where(sensitivity.Contains)];
        e.Criticality = criticality;
        e.OwnerUserId = OwnerUserId;
        e.Status = status;
        e.TerminatedOn = status == EngagementStatuses.Terminated ? TerminatedOn ?? e.TerminatedOn ?? today : null;
        e.ContractStart = Contract?.Start;
        e.ContractEnd = Contract?.End;
        e.NoticePeriodDays = Contract is null ? null : Contract.NoticePeriodDays ?? 0;
        e.AutoRenewal = Contract is null ? null : Contract.AutoRenewal ?? false;
        e.PricingModel = Contract?.PricingModel;
        e.AnnualValue = Contract?.AnnualValue;
        e.Currency = Contract?.Currency;
        e.RenewalDecision = Contract is null ? null : Contract.RenewalDecision ?? RenewalDecisions.Undecided;
        e.ServiceCreditTerms = Contract is null ? null : string.IsNullOrWhiteSpace(Contract.ServiceCreditTerms) ? null : Contract.ServiceCreditTerms.Trim();
        e.BusinessFunctions = functions;
        e.DataStorageCountries = storage;
        e.DataProcessingCountries = processing;
        return true;
    }

    private string? ValidateTimeZone(ValidationErrors errors, string? country, int year)
    {
        var valid = country is not null && IsoCodes.IsCountry(country);
        if (DeliveryTimeZone is not null)
        {
            errors.TimeZone("deliveryTimeZone", DeliveryTimeZone);
            if (valid && IsoCodes.IsTimeZone(DeliveryTimeZone) && !DeliveryTimeZones.BelongsTo(DeliveryTimeZone, country!))
            {
                errors.Add("deliveryTimeZone", $"'{DeliveryTimeZone}' is not a time zone of {country} (one of: {string.Join(", ", DeliveryTimeZones.ZonesOf(country!))}).");
            }

            return DeliveryTimeZone;
        }

        if (!valid)
        {
            return null;
        }

        var automatic = DeliveryTimeZones.Automatic(country!, year);
        if (automatic is null)
        {
            errors.Add(
                "deliveryTimeZone",
                $"is required: {country}'s time zones have different UTC offsets (one of: {string.Join(", ", DeliveryTimeZones.ZonesOf(country!))}).");
        }

        return automatic;
    }

    private List<string> ValidateLanguages(ValidationErrors errors, string? country)
    {
        if (DeliveryLanguages is null || DeliveryLanguages.Count == 0)
        {
            return country is not null && IsoCodes.IsCountry(country) ? [.. CountryLanguages.Of(country)] : [];
        }

        if (DeliveryLanguages.Count > MaxDeliveryLanguages)
        {
            errors.Add("deliveryLanguages", $"must name at most {MaxDeliveryLanguages} languages.");
            return [];
        }

        for (var i = 0; i < DeliveryLanguages.Count; i++)
        {
            if (DeliveryLanguages[i] is not { } language || !CountryLanguages.IsLanguage(language))
            {
                errors.Add($"deliveryLanguages[{i}]", $"'{DeliveryLanguages[i]}' is not an ISO 639-1 language code.");
            }
        }

        return [.. DeliveryLanguages.Distinct(StringComparer.Ordinal)];
    }

    private void ValidateContract(ValidationErrors errors)
    {
        if (Contract is null)
        {
            return;
        }

        var c = Contract;
        errors.Required("contract.start", c.Start);
        if (c.Start is not null && c.End is not null && c.End < c.Start)
        {
            errors.Add("contract.end", $"must be on or after contract.start ({c.Start:yyyy-MM-dd}).");
        }

        if (c.NoticePeriodDays is < 0 or > 3650)
        {
            errors.Add("contract.noticePeriodDays", "must be between 0 and 3650.");
        }

        errors.OneOf("contract.pricingModel", c.PricingModel, PricingModels.All);
        if (c.AnnualValue is < 0)
        {
            errors.Add("contract.annualValue", "must not be negative.");
        }
        else if (c.AnnualValue >= MaxValue)
        {
            errors.Add("contract.annualValue", "must be less than 10^12.");
        }

        if (c.Currency is not null)
        {
            errors.Currency("contract.currency", c.Currency);
        }
        else if (c.AnnualValue is not null)
        {
            errors.Add("contract.currency", "is required with an annual value.");
        }

        errors.Optional("contract.serviceCreditTerms", c.ServiceCreditTerms, Limits.LongText);
        if (c.RenewalDecision is not null)
        {
            errors.OneOf("contract.renewalDecision", c.RenewalDecision, RenewalDecisions.All);
        }
    }
}
