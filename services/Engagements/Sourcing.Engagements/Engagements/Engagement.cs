using System.Globalization;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Engagements;

/// <summary>
/// One arrangement by which a business process or task is done by a provider, a captive centre or a
/// partnership at a delivery site, with its contract terms and its computed classification.
/// </summary>
public sealed class Engagement : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>provider, captive-centre or partnership: from the source, never typed.</summary>
    public string SourceKind { get; set; } = "";

    public Guid? ProviderId { get; set; }

    public Guid? CaptiveCentreId { get; set; }

    public string Scope { get; set; } = "";

    public string BusinessProcess { get; set; } = "";

    public string DeliveryCountry { get; set; } = "";

    public string? DeliverySite { get; set; }

    public string DeliveryTimeZone { get; set; } = "";

    public List<string> DeliveryLanguages { get; set; } = [];

    public string PlaceOfWork { get; set; } = PlacesOfWork.ProviderPremises;

    public int? Headcount { get; set; }

    public bool Core { get; set; }

    public List<string> DataSensitivity { get; set; } = [];

    public string Criticality { get; set; } = Criticalities.Standard;

    public Guid? OwnerUserId { get; set; }

    public string Status { get; set; } = EngagementStatuses.Planned;

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public int? NoticePeriodDays { get; set; }

    public bool? AutoRenewal { get; set; }

    public string? PricingModel { get; set; }

    public decimal? AnnualValue { get; set; }

    public string? Currency { get; set; }

    public string? ServiceCreditTerms { get; set; }

    /// <summary>renew, exit or undecided; null without a contract.</summary>
    public string? RenewalDecision { get; set; }

    public List<string> BusinessFunctions { get; set; } = [];

    public List<string> DataStorageCountries { get; set; } = [];

    public List<string> DataProcessingCountries { get; set; } = [];

    public DateOnly? TerminatedOn { get; set; }

    public string ClassificationKind { get; set; } = "";

    public string ClassificationLabel { get; set; } = "";

    public string LocationGrade { get; set; } = "";

    public string ClassificationReason { get; set; } = "";

    /// <summary>DOMAIN's location gap (mean of the 15 January and 15 July gaps) the grade was read from.</summary>
    public decimal? LocationGapHours { get; set; }

    /// <summary>The year whose 15 January and 15 July gave <see cref="LocationGapHours"/>.</summary>
    public int? LocationGapYear { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string ETag => $"\"{Version}\"";

    public bool HasContract => ContractStart is not null;

    public ContractTerms? Contract => ContractStart is { } start
        ? new ContractTerms
        {
            Start = start,
            End = ContractEnd,
            NoticePeriodDays = NoticePeriodDays ?? 0,
            AutoRenewal = AutoRenewal ?? false,
            PricingModel = PricingModel ?? "",
            AnnualValue = AnnualValue,
            Currency = Currency,
            ServiceCreditTerms = ServiceCreditTerms,
            RenewalDecision = RenewalDecision ?? RenewalDecisions.Undecided,
        }
        : null;

    public EngagementClassification Classification =>
        new(ClassificationKind, ClassificationLabel, LocationGrade, ClassificationReason, LocationGapHours, LocationGapYear);

    public void SetClassification(EngagementClassification classification)
    {
        ClassificationKind = classification.Kind;
        ClassificationLabel = classification.Label;
        LocationGrade = classification.LocationGrade;
        ClassificationReason = classification.Reason;
        LocationGapHours = classification.LocationGapHours;
        LocationGapYear = classification.LocationGapYear;
    }

    public EngagementState ToState() => new()
    {
        Id = Id,
        Name = Name,
        SourceKind = SourceKind,
        ProviderId = ProviderId,
        CaptiveCentreId = CaptiveCentreId,
        Scope = Scope,
        BusinessProcess = BusinessProcess,
        DeliveryCountry = DeliveryCountry,
        DeliverySite = DeliverySite,
        DeliveryTimeZone = DeliveryTimeZone,
        DeliveryLanguages = DeliveryLanguages,
        PlaceOfWork = PlaceOfWork,
        Headcount = Headcount,
        Core = Core,
        DataSensitivity = DataSensitivity,
        Criticality = Criticality,
        OwnerUserId = OwnerUserId,
        Status = Status,
        Contract = Contract,
        Classification = Classification,
        BusinessFunctions = BusinessFunctions,
        DataStorageCountries = DataStorageCountries,
        DataProcessingCountries = DataProcessingCountries,
        TerminatedOn = TerminatedOn,
        Version = Version,
    };

    public Dictionary<string, string?> Snapshot() => new(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["sourceKind"] = SourceKind,
        ["providerId"] = ProviderId?.ToString(),
        ["captiveCentreId"] = CaptiveCentreId?.ToString(),
        ["scope"] = Scope,
        ["businessProcess"] = BusinessProcess,
        ["deliveryCountry"] = DeliveryCountry,
        ["deliverySite"] = DeliverySite,
        ["deliveryTimeZone"] = DeliveryTimeZone,
        ["deliveryLanguages"] = string.Join(";", DeliveryLanguages),
        ["placeOfWork"] = PlaceOfWork,
        ["headcount"] = Headcount?.ToString(CultureInfo.InvariantCulture),
        ["core"] = Core ? "true" : "false",
        ["dataSensitivity"] = string.Join(";", DataSensitivity),
        ["criticality"] = Criticality,
        ["ownerUserId"] = OwnerUserId?.ToString(),
        ["status"] = Status,
        ["contract.start"] = ContractStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["contract.end"] = ContractEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["contract.noticePeriodDays"] = NoticePeriodDays?.ToString(CultureInfo.InvariantCulture),
        ["contract.autoRenewal"] = AutoRenewal is { } renew ? (renew ? "true" : "false") : null,
        ["contract.pricingModel"] = PricingModel,
        ["contract.annualValue"] = Text(AnnualValue),
        ["contract.currency"] = Currency,
        ["contract.serviceCreditTerms"] = ServiceCreditTerms,
        ["contract.renewalDecision"] = RenewalDecision,
        ["businessFunctions"] = string.Join(";", BusinessFunctions),
        ["dataStorageCountries"] = string.Join(";", DataStorageCountries),
        ["dataProcessingCountries"] = string.Join(";", DataProcessingCountries),
        ["terminatedOn"] = TerminatedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["classification"] = ClassificationKind,
        ["locationGrade"] = LocationGrade,
        ["classificationReason"] = ClassificationReason,
    };

    /// <summary>A decimal as text without trailing zeros, so 1200000.00 read back equals 1200000 sent.</summary>
    internal static string? Text(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture);
}
