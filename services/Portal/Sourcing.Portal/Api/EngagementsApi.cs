using System.Globalization;

namespace Sourcing.Portal.Api;

/// <summary>The engagements API, called with the person's access token.</summary>
public sealed class EngagementsApi(HttpClient http) : ApiClient(http)
{
    public const int PageSize = 25;

    public Task<ApiResult<PageOf<Engagement>>> ListAsync(EngagementFilter filter, CancellationToken cancellationToken, int pageSize = PageSize) =>
        GetAsync<PageOf<Engagement>>(
            Query("api/engagements",
                ("q", filter.Q), ("country", filter.Country), ("process", filter.Process), ("classification", filter.Classification),
                ("locationGrade", filter.LocationGrade), ("criticality", filter.Criticality), ("status", filter.Status), ("sort", filter.Sort),
                ("providerId", filter.ProviderId?.ToString()), ("captiveCentreId", filter.CaptiveCentreId?.ToString()),
                ("page", filter.Page.ToString(CultureInfo.InvariantCulture)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    public Task<ApiResult<Engagement>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Engagement>($"api/engagements/{id}", cancellationToken);

    public Task<ApiResult<EngagementTotals>> TotalsAsync(CancellationToken cancellationToken) =>
        GetAsync<EngagementTotals>("api/engagements/totals", cancellationToken);

    /// <summary>The renewal calendar for <paramref name="months"/> months from <paramref name="from"/> (YYYY-MM; this month when blank).</summary>
    public Task<ApiResult<RenewalCalendar>> RenewalsAsync(string? from, int? months, CancellationToken cancellationToken) =>
        GetAsync<RenewalCalendar>(
            Query("api/engagements/renewals", ("from", from), ("months", months?.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    public Task<ApiResult<PageOf<ProviderSummary>>> ProvidersAsync(CancellationToken cancellationToken) =>
        GetAsync<PageOf<ProviderSummary>>("api/providers?sort=legalName&pageSize=500", cancellationToken);

    public Task<ApiResult<PageOf<CaptiveCentreSummary>>> CaptiveCentresAsync(CancellationToken cancellationToken) =>
        GetAsync<PageOf<CaptiveCentreSummary>>("api/captive-centres?pageSize=500", cancellationToken);

    public Task<ApiResult<Engagement>> CreateAsync(EngagementChange change, CancellationToken cancellationToken) =>
        PostAsync<Engagement>("api/engagements", change, cancellationToken);

    /// <summary>Replaces the engagement, if it is still at the version the person edited (else 412).</summary>
    public Task<ApiResult<Engagement>> UpdateAsync(Guid id, EngagementChange change, int version, CancellationToken cancellationToken) =>
        PutIfMatchAsync<Engagement>($"api/engagements/{id}", change, ETag(version), cancellationToken);

    /// <summary>What the engagements service would classify an engagement with these facts as (nothing saved).</summary>
    public Task<ApiResult<ClassificationAnswer>> ClassifyAsync(IEnumerable<(string Name, string? Value)> facts, CancellationToken cancellationToken) =>
        GetAsync<ClassificationAnswer>(Query("api/engagements/classification", [.. facts]), cancellationToken);

    public Task<ApiResult<PageOf<Provider>>> ProvidersAsync(string? q, string? country, string? sort, int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Provider>>(
            Query("api/providers",
                ("q", q), ("country", country), ("sort", sort),
                ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", PageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    public Task<ApiResult<Provider>> ProviderAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<Provider>($"api/providers/{id}", cancellationToken);

    public Task<ApiResult<Provider>> CreateProviderAsync(ProviderChange change, CancellationToken cancellationToken) =>
        PostAsync<Provider>("api/providers", change, cancellationToken);

    /// <summary>Replaces the provider as it was at <paramref name="version"/> (its ETag is the version in quotes).</summary>
    public Task<ApiResult<Provider>> UpdateProviderAsync(Guid id, int version, ProviderChange change, CancellationToken cancellationToken) =>
        PutIfMatchAsync<Provider>($"api/providers/{id}", change, ETag(version), cancellationToken);

    public Task<ApiResult<PageOf<AuditEntry>>> ProviderAuditAsync(Guid id, int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<AuditEntry>>(Query($"api/providers/{id}/audit", ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", AuditPageSize)), cancellationToken);

    public Task<ApiResult<PageOf<CaptiveCentre>>> CaptiveCentresAsync(string? q, string? country, string? kind, int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<CaptiveCentre>>(
            Query("api/captive-centres",
                ("q", q), ("country", country), ("kind", kind),
                ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", PageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    public Task<ApiResult<CaptiveCentre>> CaptiveCentreAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<CaptiveCentre>($"api/captive-centres/{id}", cancellationToken);

    public Task<ApiResult<CaptiveCentre>> CreateCaptiveCentreAsync(CaptiveCentreChange change, CancellationToken cancellationToken) =>
        PostAsync<CaptiveCentre>("api/captive-centres", change, cancellationToken);

    public Task<ApiResult<CaptiveCentre>> UpdateCaptiveCentreAsync(Guid id, int version, CaptiveCentreChange change, CancellationToken cancellationToken) =>
        PutIfMatchAsync<CaptiveCentre>($"api/captive-centres/{id}", change, ETag(version), cancellationToken);

    public Task<ApiResult<PageOf<AuditEntry>>> CaptiveCentreAuditAsync(Guid id, int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<AuditEntry>>(Query($"api/captive-centres/{id}/audit", ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", AuditPageSize)), cancellationToken);

    private const string AuditPageSize = "50";

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
