using System.Linq.Expressions;
using Sourcing.Contracts;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Scores;

/// <summary>
/// The scores list's filters and sort. A value the list does not know is refused (400 naming it),
/// never ignored; a score that does not exist sorts last whichever the direction.
/// </summary>
public sealed record ScoreListQuery(string? Band, string? Country, string? Process, string? Sort, int? Page, int? PageSize)
{
    public static readonly IReadOnlyList<string> Sorts = ["composite", "quality", "dependency", "geopolitical", "name", "country"];

    private static readonly IReadOnlyList<string> BandNames = [Bands.Low, Bands.Medium, Bands.High, Bands.Critical];

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrEmpty(Band) && !BandNames.Contains(Band, StringComparer.Ordinal))
        {
            errors.Add("band", $"'{Band}' is not one of: {string.Join(", ", BandNames)}.");
        }

        if (!string.IsNullOrEmpty(Country) && !IsoCodes.IsCountry(Country))
        {
            errors.Add("country", $"'{Country}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (!string.IsNullOrEmpty(Process) && !BusinessProcesses.All.Contains(Process, StringComparer.Ordinal))
        {
            errors.Add("process", $"'{Process}' is not one of: {string.Join(", ", BusinessProcesses.All)}.");
        }

        if (!string.IsNullOrEmpty(Sort) && !Sorts.Contains(Sort.TrimStart('-'), StringComparer.Ordinal))
        {
            errors.Add("sort", $"'{Sort}' is not a sort of this list (one of: {string.Join(", ", Sorts)}; prefix - for descending).");
        }

        Paging.Validate(errors, Page, PageSize);
        return errors;
    }

    public IQueryable<EngagementScoresResponse> Apply(IQueryable<EngagementScoresResponse> query)
    {
        if (!string.IsNullOrEmpty(Band))
        {
            query = query.Where(s => s.Band == Band);
        }

        if (!string.IsNullOrEmpty(Country))
        {
            query = query.Where(s => s.DeliveryCountry == Country);
        }

        if (!string.IsNullOrEmpty(Process))
        {
            query = query.Where(s => s.BusinessProcess == Process);
        }

        return query;
    }

    /// <summary>Riskiest first by default; nulls last both ways; ties by name, then id.</summary>
    public IOrderedQueryable<EngagementScoresResponse> Order(IQueryable<EngagementScoresResponse> query)
    {
        var sort = string.IsNullOrEmpty(Sort) ? "-composite" : Sort;
        var descending = sort.StartsWith('-');
        var ordered = sort.TrimStart('-') switch
        {
            "quality" => Score(query, s => s.Quality, descending),
            "dependency" => Score(query, s => s.Dependency, descending),
            "geopolitical" => Score(query, s => s.Geopolitical, descending),
            "name" => descending ? query.OrderByDescending(s => s.Name) : query.OrderBy(s => s.Name),
            "country" => descending ? query.OrderByDescending(s => s.DeliveryCountry) : query.OrderBy(s => s.DeliveryCountry),
            _ => Score(query, s => s.Composite, descending),
        };
        return ordered.ThenBy(s => s.Name).ThenBy(s => s.EngagementId);
    }

    private static IOrderedQueryable<EngagementScoresResponse> Score(
        IQueryable<EngagementScoresResponse> query, Expression<Func<EngagementScoresResponse, decimal?>> score, bool descending)
    {
        var isNull = Expression.Lambda<Func<EngagementScoresResponse, bool>>(
            Expression.Equal(score.Body, Expression.Constant(null, typeof(decimal?))), score.Parameters);
        var nullsLast = query.OrderBy(isNull);
        return descending ? nullsLast.ThenByDescending(score) : nullsLast.ThenBy(score);
    }
}
