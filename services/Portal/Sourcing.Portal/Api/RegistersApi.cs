namespace Sourcing.Portal.Api;

/// <summary>The engagements service's registers (docs/registers.md), called with the person's access token.</summary>
public sealed class RegistersApi(HttpClient http) : ApiClient(http)
{
    public Task<ApiResult<RegisterReadiness>> ReadinessAsync(string? referenceDate, CancellationToken cancellationToken) =>
        GetAsync<RegisterReadiness>(Query("api/registers/readiness", ("referenceDate", referenceDate)), cancellationToken);

    /// <summary>The outsourcing register (csv or xlsx) as the API answers it, to pass on as it arrives.</summary>
    public Task<HttpResponseMessage> OutsourcingAsync(string? referenceDate, string format, CancellationToken cancellationToken) =>
        SendAsync(Query("api/registers/outsourcing", ("referenceDate", referenceDate), ("format", format)), cancellationToken);

    /// <summary>The DORA package (ZIP) as the API answers it, or its refusal (422 with the blocking violations).</summary>
    public Task<HttpResponseMessage> DoraAsync(string? referenceDate, CancellationToken cancellationToken) =>
        SendAsync(Query("api/registers/dora", ("referenceDate", referenceDate)), cancellationToken);

    /// <summary>The portfolio's shared fourth parties on a date (today when null).</summary>
    public Task<ApiResult<FourthPartyPortfolio>> FourthPartiesAsync(string? date, CancellationToken cancellationToken) =>
        GetAsync<FourthPartyPortfolio>(Query("api/fourth-parties", ("date", date)), cancellationToken);

    /// <summary>One provider's chains and the chains it is a fourth party in, today.</summary>
    public Task<ApiResult<ProviderFourthParties>> ProviderFourthPartiesAsync(Guid providerId, CancellationToken cancellationToken) =>
        GetAsync<ProviderFourthParties>($"api/providers/{providerId}/fourth-parties", cancellationToken);
}
