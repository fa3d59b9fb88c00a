using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Engagements;

/// <summary>
/// The facts of a would-be engagement that its classification depends on, as query parameters
/// (the create form asks while the person picks). Read through the create request's own validation
/// and defaults, so that the answer is what creating it would give.
/// </summary>
public sealed record ClassificationQuery(
    Guid? ProviderId,
    Guid? CaptiveCentreId,
    string? Scope,
    string? BusinessProcess,
    string? PlaceOfWork,
    string? DeliveryCountry,
    string? DeliveryTimeZone,
    DateOnly? ContractStart,
    DateOnly? ContractEnd)
{
    /// <summary>
    /// The same request a create sends with these facts; the fields the classification does not
    /// read get neutral values (a name, a pricing model) that pass validation. Errors of the contract
    /// dates are named here, by the query's parameter names.
    /// </summary>
    public EngagementRequest ToRequest(ValidationErrors errors)
    {
        ContractRequest? contract = null;
        if (ContractStart is null && ContractEnd is not null)
        {
            errors.Add("contractStart", "is required with contractEnd.");
        }
        else if (ContractStart is not null && ContractEnd < ContractStart)
        {
            errors.Add("contractEnd", $"must be on or after contractStart ({ContractStart:yyyy-MM-dd}).");
        }
        else if (ContractStart is not null)
        {
            contract = new ContractRequest(ContractStart, ContractEnd, null, null, PricingModels.FixedFee, null, null, null);
        }

        return new EngagementRequest(
            "classification", ProviderId, CaptiveCentreId, Scope, BusinessProcess, NullIfBlank(DeliveryCountry), null, NullIfBlank(DeliveryTimeZone),
            null, NullIfBlank(PlaceOfWork), null, null, null, null, null, null, contract, null, null, null, null);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The classification a would-be engagement gets, with the source kind, delivery country and time zone it was computed from (defaults filled in).</summary>
public sealed record ClassificationAnswer(string SourceKind, string DeliveryCountry, string DeliveryTimeZone, EngagementClassification Classification);
