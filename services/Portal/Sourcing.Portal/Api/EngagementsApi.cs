using System.Globalization;

namespace Sourcing.Portal.Api;

/// <summary>The engagements API, called with the person's access token.</summary>
public sealed class EngagementsApi(HttpClient http) : ApiClient(http)
{
    public const int PageSize = 25;

    public Task<ApiResult<PageOf<Engagement>>> ListAsync(EngagementFilter filter, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Engagement>>(
            Query("api/engagements",
                ("q", filter.Q), ("country", filter.Country), ("process", filter.Process), ("classification", filter.Classification),
                ("locationGrade", filter.LocationGrade), ("criticality", filter.Criticality), ("status", filter.Status), ("sort", filter.Sort),
                ("page", filter.Page.ToString(CultureInfo.InvariantCulture)), ("pageSize", PageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    public Task<ApiResult<Engagement>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Engagement>($"api/engagements/{id}", cancellationToken);

    public Task<ApiResult<EngagementTotals>> TotalsAsync(CancellationToken cancellationToken) =>
        GetAsync<EngagementTotals>("api/engagements/totals", cancellationToken);
}
