using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Tenants.ApiClients;

/// <summary>
/// An integration's client-credentials identity. Only the SHA-256 hash of its secret is kept; the
/// secret is shown once, in the answer to its creation.
/// </summary>
public sealed class ApiClient : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string ClientId { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Scopes { get; set; } = [];

    public string SecretHash { get; set; } = "";

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
