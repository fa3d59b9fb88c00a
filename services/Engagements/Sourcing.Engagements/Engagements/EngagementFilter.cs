using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Classification;
using Sourcing.Engagements.Http;
using Sourcing.Engagements.Providers;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Engagements;

/// <summary>
/// The list's query parameters: filters (all optional, combined with AND), sort, page. A value the
/// list does not know is refused by <see cref="Validate"/> (400 naming it), never ignored.
/// </summary>
public sealed record EngagementFilter(
    string? Country,
    string? Process,
    string? Kind,
    string? Classification,
    string? LocationGrade,
    Guid? ProviderId,
    Guid? CaptiveCentreId,
    string? Criticality,
    string? Status,
    Guid? Owner,
    string? Q,
    string? Sort,
    int? Page,
    int? PageSize)
{
    private static readonly IReadOnlyList<string> Kinds = [SourceKinds.Provider, SourceKinds.CaptiveCentre, SourceKinds.Partnership];

    /// <summary>Names every filter or sort value that is not one the list knows.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(Country) && !IsoCodes.IsCountry(Country))
        {
            errors.Add("country", $"'{Country}' is not an ISO 3166-1 alpha-2 country code.");
        }

        Known(errors, "process", Process, BusinessProcesses.All);
        Known(errors, "kind", Kind, Kinds);
        Known(errors, "classification", Classification, ClassificationKinds.All);
        Known(errors, "locationGrade", LocationGrade, LocationGrades.All);
        Known(errors, "criticality", Criticality, Criticalities.All);
        Known(errors, "status", Status, EngagementStatuses.All);
        if (!string.IsNullOrWhiteSpace(Sort) && !Sorts.Contains(Sort.TrimStart('-'), StringComparer.Ordinal))
        {
            errors.Add("sort", $"'{Sort}' is not a sort of this list (one of: {string.Join(", ", Sorts)}; prefix - for descending).");
        }

        ServiceDefaults.Http.Paging.Validate(errors, Page, PageSize);
        return errors;
    }

    private static void Known(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            errors.OneOf(field, value, allowed);
        }
    }

    public IQueryable<Engagement> Apply(IQueryable<Engagement> query)
    {
        if (!string.IsNullOrWhiteSpace(Country))
        {
            query = query.Where(e => e.DeliveryCountry == Country);
        }

        if (!string.IsNullOrWhiteSpace(Process))
        {
            query = query.Where(e => e.BusinessProcess == Process);
        }

        if (!string.IsNullOrWhiteSpace(Kind))
        {
            query = query.Where(e => e.SourceKind == Kind);
        }

        if (!string.IsNullOrWhiteSpace(Classification))
        {
            query = query.Where(e => e.ClassificationKind == Classification);
        }

        if (!string.IsNullOrWhiteSpace(LocationGrade))
        {
            query = query.Where(e => e.LocationGrade == LocationGrade);
        }

        if (ProviderId is { } providerId)
        {
            query = query.Where(e => e.ProviderId == providerId);
        }

        if (CaptiveCentreId is { } centreId)
        {
            query = query.Where(e => e.CaptiveCentreId == centreId);
        }

        if (!string.IsNullOrWhiteSpace(Criticality))
        {
            query = query.Where(e => e.Criticality == Criticality);
        }

        if (!string.IsNullOrWhiteSpace(Status))
        {
            query = query.Where(e => e.Status == Status);
        }

        if (Owner is { } owner)
        {
            query = query.Where(e => e.OwnerUserId == owner);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = $"%{ProvidersApi.EscapeLike(Q.Trim())}%";
            query = query.Where(e => EF.Functions.ILike(e.Name, pattern, "\\")
                || (e.DeliverySite != null && EF.Functions.ILike(e.DeliverySite, pattern, "\\"))
                || EF.Functions.ILike(e.ClassificationReason, pattern, "\\"));
        }

        return query;
    }

    public IOrderedQueryable<Engagement> Order(IQueryable<Engagement> query)
    {
        var ordered = Sort switch
        {
            "-name" => query.OrderByDescending(e => e.Name),
            "country" => query.OrderBy(e => e.DeliveryCountry),
            "-country" => query.OrderByDescending(e => e.DeliveryCountry),
            "process" => query.OrderBy(e => e.BusinessProcess),
            "-process" => query.OrderByDescending(e => e.BusinessProcess),
            "criticality" => query.OrderBy(e => e.Criticality == "critical" ? 0 : e.Criticality == "important" ? 1 : 2),
            "-criticality" => query.OrderByDescending(e => e.Criticality == "critical" ? 0 : e.Criticality == "important" ? 1 : 2),
            "status" => query.OrderBy(e => e.Status),
            "-status" => query.OrderByDescending(e => e.Status),
            "classification" => query.OrderBy(e => e.ClassificationKind),
            "-classification" => query.OrderByDescending(e => e.ClassificationKind),
            // Nulls last both ways (PostgreSQL puts them first when descending).
            "annualValue" => query.OrderBy(e => e.AnnualValue == null).ThenBy(e => e.AnnualValue),
            "-annualValue" => query.OrderBy(e => e.AnnualValue == null).ThenByDescending(e => e.AnnualValue),
            "contractEnd" => query.OrderBy(e => e.ContractEnd == null).ThenBy(e => e.ContractEnd),
            "-contractEnd" => query.OrderBy(e => e.ContractEnd == null).ThenByDescending(e => e.ContractEnd),
            "createdAt" => query.OrderBy(e => e.CreatedAt),
            "-createdAt" => query.OrderByDescending(e => e.CreatedAt),
            "updatedAt" => query.OrderBy(e => e.UpdatedAt),
            "-updatedAt" => query.OrderByDescending(e => e.UpdatedAt),
            _ => query.OrderBy(e => e.Name),
        };
        return ordered.ThenBy(e => e.Name).ThenBy(e => e.Id);
    }

    public static readonly IReadOnlyList<string> Sorts =
    [
        "name", "country", "process", "criticality", "status", "classification", "annualValue", "contractEnd", "createdAt", "updatedAt",
    ];
}
