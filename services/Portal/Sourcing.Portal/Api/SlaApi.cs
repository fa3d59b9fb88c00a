using System.Globalization;

namespace Sourcing.Portal.Api;

/// <summary>The SLA tracking API, called with the person's access token.</summary>
public sealed class SlaApi(HttpClient http) : ApiClient(http)
{
    public Task<ApiResult<PageOf<Sla>>> ListAsync(Guid engagementId, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Sla>>(Query($"api/engagements/{engagementId}/slas", ("pageSize", "500")), cancellationToken);

    public Task<ApiResult<Sla>> DefineAsync(Guid engagementId, SlaDefinition definition, CancellationToken cancellationToken) =>
        PostAsync<Sla>($"api/engagements/{engagementId}/slas", definition, cancellationToken);

    public Task<ApiResult<PageOf<Breach>>> BreachesAsync(Guid engagementId, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Breach>>(
            Query($"api/engagements/{engagementId}/breaches", ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    /// <summary>Every SLA of the engagement with its attainment over the window (dates of the periods' first days, inclusive).</summary>
    public Task<ApiResult<EngagementSlaReport>> ReportAsync(Guid engagementId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        GetAsync<EngagementSlaReport>(Query($"api/engagements/{engagementId}/sla-report", ("from", Day(from)), ("to", Day(to))), cancellationToken);

    /// <summary>An SLA's measured periods in the window, newest first (at most 500: a daily SLA over a year fits).</summary>
    public Task<ApiResult<PageOf<Measurement>>> MeasurementsAsync(Guid slaId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Measurement>>(Query($"api/slas/{slaId}/measurements", ("from", Day(from)), ("to", Day(to)), ("pageSize", "500")), cancellationToken);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Passes a CSV of measurements (slaId, period, value) on to the API as it arrives; all or nothing there.</summary>
    public Task<ApiResult<UploadResult>> UploadCsvAsync(Guid engagementId, Stream csv, CancellationToken cancellationToken) =>
        PostStreamAsync<UploadResult>($"api/engagements/{engagementId}/measurements", csv, "text/csv", cancellationToken);
}
