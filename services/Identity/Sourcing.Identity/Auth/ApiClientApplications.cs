using System.Text.Json;
using OpenIddict.Abstractions;
using Sourcing.Contracts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>
/// API clients (client credentials) as OpenIddict applications: confidential, token endpoint and the
/// client-credentials grant only, one permission per granted scope, and the owning tenant in the
/// application's properties. The secret is the SHA-256 hash from the event (<see cref="ClientSecretHash"/>).
/// </summary>
public static class ApiClientApplications
{
    public const string TenantIdProperty = "tenant_id";

    public static OpenIddictApplicationDescriptor Describe(ApiClientCreated created)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = created.ClientId,
            ClientSecret = created.SecretHash,
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = created.Name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in created.Scopes.Where(s => ApiScopes.All.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[TenantIdProperty] = JsonSerializer.SerializeToElement(created.TenantId.ToString());
        return descriptor;
    }

    /// <summary>The tenant an API client belongs to, or null for a client that is not a tenant's (the portal).</summary>
    public static async ValueTask<Guid?> GetTenantIdAsync(IOpenIddictApplicationManager applications, object application, CancellationToken ct = default)
    {
        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(TenantIdProperty, out var value)
            && value.ValueKind == JsonValueKind.String
            && Guid.TryParse(value.GetString(), out var tenantId)
                ? tenantId
                : null;
    }
}
