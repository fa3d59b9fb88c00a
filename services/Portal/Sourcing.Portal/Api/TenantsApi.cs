using System.Globalization;

namespace Sourcing.Portal.Api;

/// <summary>The tenants API (the company's settings, members, invitations, API clients), called with the person's access token.</summary>
public sealed class TenantsApi(HttpClient http) : ApiClient(http)
{
    public const int PageSize = 100;

    private static readonly string Page = PageSize.ToString(CultureInfo.InvariantCulture);

    public Task<ApiResult<TenantSettings>> SettingsAsync(CancellationToken cancellationToken) =>
        GetAsync<TenantSettings>("api/tenant", cancellationToken);

    /// <summary>Changes only the settings in <paramref name="patch"/>; refused (412) when the settings are no longer at <paramref name="version"/>.</summary>
    public Task<ApiResult<TenantSettings>> PatchSettingsAsync(IReadOnlyDictionary<string, object?> patch, int version, CancellationToken cancellationToken) =>
        MergePatchAsync<TenantSettings>("api/tenant/settings", patch, $"\"{version.ToString(CultureInfo.InvariantCulture)}\"", cancellationToken);

    public Task<ApiResult<PageOf<Member>>> MembersAsync(int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Member>>(Query("api/members", ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", Page)), cancellationToken);

    public Task<ApiResult<Member>> ChangeRoleAsync(Guid userId, string? role, CancellationToken cancellationToken) =>
        PatchAsync<Member>($"api/members/{userId}", new { role }, cancellationToken);

    public Task<ApiResult<bool>> RemoveMemberAsync(Guid userId, CancellationToken cancellationToken) =>
        DeleteAsync($"api/members/{userId}", cancellationToken);

    public Task<ApiResult<PageOf<Invitation>>> InvitationsAsync(int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<Invitation>>(Query("api/invitations", ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", Page)), cancellationToken);

    public Task<ApiResult<Invitation>> InviteAsync(string? email, string? role, CancellationToken cancellationToken) =>
        PostAsync<Invitation>("api/invitations", new { email, role }, cancellationToken);

    public Task<ApiResult<Invitation>> ResendInvitationAsync(Guid id, CancellationToken cancellationToken) =>
        PostAsync<Invitation>($"api/invitations/{id}/resend", new { }, cancellationToken);

    public Task<ApiResult<bool>> RevokeInvitationAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteAsync($"api/invitations/{id}", cancellationToken);

    public Task<ApiResult<PageOf<ApiClientInfo>>> ApiClientsAsync(int page, CancellationToken cancellationToken) =>
        GetAsync<PageOf<ApiClientInfo>>(Query("api/api-clients", ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", Page)), cancellationToken);

    public Task<ApiResult<CreatedApiClient>> CreateApiClientAsync(string? name, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        PostAsync<CreatedApiClient>("api/api-clients", new { name, scopes }, cancellationToken);

    public Task<ApiResult<bool>> RevokeApiClientAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteAsync($"api/api-clients/{id}", cancellationToken);
}
