using System.Globalization;

namespace Sourcing.Portal.Api;

/// <summary>The risk API, called with the person's access token.</summary>
public sealed class RiskApi(HttpClient http) : ApiClient(http)
{
    public const int AlertPageSize = 25;

    public Task<ApiResult<Portfolio>> PortfolioAsync(CancellationToken cancellationToken) =>
        GetAsync<Portfolio>("api/risk/portfolio", cancellationToken);

    public Task<ApiResult<PortfolioTrend>> TrendAsync(int days, CancellationToken cancellationToken) =>
        GetAsync<PortfolioTrend>(Query("api/risk/portfolio/trend", ("days", days.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    /// <summary>The annual cost by currency at the ECB rates of <paramref name="date"/> (default today), and a move of <paramref name="move"/> percent.</summary>
    public Task<ApiResult<CurrencyExposure>> CurrencyExposureAsync(string? date, string? move, CancellationToken cancellationToken) =>
        GetAsync<CurrencyExposure>(Query("api/risk/currency-exposure", ("date", date), ("move", move)), cancellationToken);

    /// <summary>The working hours each delivery site shares with HQ and the vendor managers on <paramref name="date"/> (default today).</summary>
    public Task<ApiResult<WorkingHours>> WorkingHoursAsync(string? date, CancellationToken cancellationToken) =>
        GetAsync<WorkingHours>(Query("api/risk/working-hours", ("date", date)), cancellationToken);

    /// <summary>The scores of a provider's engagements, riskiest first (only those the risk service has scored).</summary>
    public Task<ApiResult<List<EngagementScores>>> ProviderScoresAsync(Guid providerId, CancellationToken cancellationToken) =>
        GetAsync<List<EngagementScores>>($"api/risk/providers/{providerId}/scores", cancellationToken);

    /// <summary>The scores of a captive centre's or partnership's engagements, riskiest first.</summary>
    public Task<ApiResult<List<EngagementScores>>> CaptiveCentreScoresAsync(Guid captiveCentreId, CancellationToken cancellationToken) =>
        GetAsync<List<EngagementScores>>($"api/risk/captive-centres/{captiveCentreId}/scores", cancellationToken);

    /// <summary>What would stop if the provider, the captive centre or partnership, or every source in the country failed (give one).</summary>
    public Task<ApiResult<FailureWhatIf>> FailureWhatIfAsync(Guid? providerId, Guid? captiveCentreId, string? country, CancellationToken cancellationToken) =>
        GetAsync<FailureWhatIf>(
            Query("api/risk/what-if/failure", ("providerId", providerId?.ToString()), ("captiveCentreId", captiveCentreId?.ToString()), ("country", country)),
            cancellationToken);

    /// <summary>Every country of the reference data, by name, each with the company's override if it has one.</summary>
    public Task<ApiResult<PageOf<Country>>> CountriesAsync(CancellationToken cancellationToken) =>
        GetAsync<PageOf<Country>>("api/risk/countries?pageSize=500", cancellationToken);

    public Task<ApiResult<Country>> PutCountryOverrideAsync(string code, CountryOverrideChange change, CancellationToken cancellationToken) =>
        PutAsync<Country>($"api/risk/countries/{Uri.EscapeDataString(code)}/override", change, cancellationToken);

    public Task<ApiResult<bool>> DeleteCountryOverrideAsync(string code, CancellationToken cancellationToken) =>
        DeleteAsync($"api/risk/countries/{Uri.EscapeDataString(code)}/override", cancellationToken);

    public Task<ApiResult<List<ScoreHistoryPoint>>> HistoryAsync(Guid engagementId, CancellationToken cancellationToken) =>
        GetAsync<List<ScoreHistoryPoint>>($"api/risk/engagements/{engagementId}/history", cancellationToken);

    public Task<ApiResult<EngagementScores>> ScoresAsync(Guid engagementId, CancellationToken cancellationToken) =>
        GetAsync<EngagementScores>($"api/risk/engagements/{engagementId}/scores", cancellationToken);

    public Task<ApiResult<PageOf<Alert>>> AlertsAsync(
        string? status, string? kind, Guid? engagementId, int page, CancellationToken cancellationToken, int pageSize = AlertPageSize,
        string? assignee = null, bool overdueOnly = false) =>
        GetAsync<PageOf<Alert>>(
            Query("api/risk/alerts",
                ("status", status), ("kind", kind), ("engagementId", engagementId?.ToString()), ("assignee", assignee),
                ("overdue", overdueOnly ? "true" : null),
                ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    /// <summary>The strategy advisor's ranking for a process to move (the body as docs/risk.md describes it; nothing is written).</summary>
    public Task<ApiResult<Advice>> AdviseAsync(object question, CancellationToken cancellationToken) =>
        PostAsync<Advice>("api/risk/advice", question, cancellationToken);

    public Task<ApiResult<List<Assignee>>> AssigneesAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Assignee>>("api/risk/alerts/assignees", cancellationToken);

    public Task<ApiResult<Alert>> AssignAsync(Guid alertId, Guid? assigneeUserId, DateOnly? dueOn, CancellationToken cancellationToken) =>
        PutAsync<Alert>($"api/risk/alerts/{alertId}/assignment", new { assigneeUserId, dueOn }, cancellationToken);

    /// <summary>One action on many alerts: acknowledge (comment), resolve (comment optional) or assign (assignee, due date).</summary>
    public Task<ApiResult<AlertBulkResult>> BulkAsync(
        IReadOnlyList<Guid> alertIds, string? action, string? comment, Guid? assigneeUserId, DateOnly? dueOn, CancellationToken cancellationToken) =>
        PostAsync<AlertBulkResult>("api/risk/alerts/bulk", new { alertIds, action, comment, assigneeUserId, dueOn }, cancellationToken);

    public Task<ApiResult<Alert>> AcknowledgeAsync(Guid alertId, string? comment, CancellationToken cancellationToken) =>
        PostAsync<Alert>($"api/risk/alerts/{alertId}/acknowledge", new { comment }, cancellationToken);

    public Task<ApiResult<Alert>> ResolveAsync(Guid alertId, string? comment, CancellationToken cancellationToken) =>
        PostAsync<Alert>($"api/risk/alerts/{alertId}/resolve", new { comment }, cancellationToken);

    public Task<ApiResult<Alert>> AlertAsync(Guid alertId, CancellationToken cancellationToken) =>
        GetAsync<Alert>($"api/risk/alerts/{alertId}", cancellationToken);

    public Task<ApiResult<DigestSubscription>> SubscriptionAsync(CancellationToken cancellationToken) =>
        GetAsync<DigestSubscription>("api/risk/digests/subscription", cancellationToken);

    public Task<ApiResult<DigestSubscription>> PutSubscriptionAsync(DigestSubscriptionChange change, CancellationToken cancellationToken) =>
        PutAsync<DigestSubscription>("api/risk/digests/subscription", change, cancellationToken);

    public Task<ApiResult<DigestPreview>> PreviewAsync(CancellationToken cancellationToken) =>
        GetAsync<DigestPreview>("api/risk/digests/subscription/preview", cancellationToken);
}
