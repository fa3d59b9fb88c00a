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

    public Task<ApiResult<PageOf<ProviderSummary>>> ProvidersAsync(CancellationToken cancellationToken) =>
        GetAsync<PageOf<ProviderSummary>>("api/providers?sort=legalName&pageSize=500", cancellationToken);

    public Task<ApiResult<PageOf<CaptiveCentreSummary>>> CaptiveCentresAsync(CancellationToken cancellationToken) =>
        GetAsync<PageOf<CaptiveCentreSummary>>("api/captive-centres?pageSize=500", cancellationToken);

    public Task<ApiResult<Engagement>> CreateAsync(EngagementChange change, CancellationToken cancellationToken) =>
        PostAsync<Engagement>("api/engagements", change, cancellationToken);

    /// <summary>Replaces the engagement, if it is still at the version the person edited (else 412).</summary>
    public Task<ApiResult<Engagement>> UpdateAsync(Guid id, EngagementChange change, int version, CancellationToken cancellationToken) =>
        PutIfMatchAsync<Engagement>($"api/engagements/{id}", change, $"\"{version.ToString(CultureInfo.InvariantCulture)}\"", cancellationToken);

    /// <summary>What the engagements service would classify an engagement with these facts as (nothing saved).</summary>
    public Task<ApiResult<ClassificationAnswer>> ClassifyAsync(IEnumerable<(string Name, string? Value)> facts, CancellationToken cancellationToken) =>
        GetAsync<ClassificationAnswer>(Query("api/engagements/classification", [.. facts]), cancellationToken);
}
