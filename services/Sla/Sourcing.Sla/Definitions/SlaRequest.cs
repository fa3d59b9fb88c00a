using System.ComponentModel.DataAnnotations;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Sla.Definitions;

/// <summary>An SLA's definition as sent to define or change it.</summary>
public sealed record SlaRequest(
    [property: Required, MaxLength(200)] string? Metric,
    [property: Required, MaxLength(50)] string? Unit,
    [property: Required] decimal? Target,
    [property: Required, OneOf(typeof(SlaDirections))] string? Direction,
    [property: Required, OneOf(typeof(SlaPeriodKinds))] string? Period,
    [property: Range(typeof(decimal), "0", "1000", MinimumIsExclusive = true)] decimal? Weight,
    [property: Range(typeof(decimal), "0", "100", MinimumIsExclusive = true)] decimal? ServiceCreditPercent)
{
    /// <summary>Checks every field; the valid definition, or null with the errors named.</summary>
    public SlaRequest? Validate(ValidationErrors errors)
    {
        errors.Required("metric", Metric, 200);
        errors.Required("unit", Unit, 50);
        errors.Required("target", Target);
        Required(errors, "direction", Direction, SlaDirections.All);
        Required(errors, "period", Period, SlaPeriodKinds.All);

        if (Weight is { } w && (w <= 0 || w > 1000))
        {
            errors.Add("weight", "must be greater than 0 and at most 1000 (default 1).");
        }

        if (ServiceCreditPercent is { } c && (c <= 0 || c > 100))
        {
            errors.Add("serviceCreditPercent", "must be greater than 0 and at most 100 (percent of the period's fee per breach), or absent.");
        }

        return errors.Any ? null : this with { Metric = Metric!.Trim(), Unit = Unit!.Trim(), Weight = Weight ?? 1m };
    }

    private static void Required(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"is required (one of: {string.Join(", ", allowed)}).");
        }
        else if (!allowed.Contains(value))
        {
            errors.Add(field, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        }
    }
}

/// <summary>An SLA as the API shows it.</summary>
public sealed record SlaResponse(
    Guid Id,
    Guid EngagementId,
    string Metric,
    string Unit,
    decimal Target,
    string Direction,
    string Period,
    decimal Weight,
    decimal? ServiceCreditPercent,
    string Status,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt)
{
    public static SlaResponse From(SlaDefinition s) => new(
        s.Id, s.EngagementId, s.Metric, s.Unit, s.Target, s.Direction, s.Period, s.Weight, s.ServiceCreditPercent,
        s.Status, s.Version, s.CreatedAt, s.UpdatedAt, s.RetiredAt);
}

public sealed record SlaVersionResponse(
    int Version,
    string Metric,
    string Unit,
    decimal Target,
    string Direction,
    string Period,
    decimal Weight,
    decimal? ServiceCreditPercent,
    string Status,
    IReadOnlyList<string> ChangedFields,
    Guid? ChangedBy,
    DateTimeOffset ChangedAt);
