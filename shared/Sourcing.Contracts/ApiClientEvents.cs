namespace Sourcing.Contracts;

/// <summary>
/// A tenant admin created an API client (client credentials). The secret never travels: only its
/// SHA-256 hash does, which the identity service checks the presented secret against.
/// </summary>
public sealed record ApiClientCreated : IntegrationEvent
{
    public required string ClientId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Base64 SHA-256 of the UTF-8 secret (the secret is 256 random bits, so no slow hash is needed).</summary>
    public required string SecretHash { get; init; }
}

/// <summary>An API client was revoked: it gets no more tokens.</summary>
public sealed record ApiClientRevoked : IntegrationEvent
{
    public required string ClientId { get; init; }
}
