namespace Sourcing.Contracts;

/// <summary>A tenant exists, with its settings and its first admin.</summary>
public sealed record TenantRegistered : IntegrationEvent
{
    public required TenantSettings Settings { get; init; }

    public required Guid AdminUserId { get; init; }

    public required string AdminEmail { get; init; }

    /// <summary>The admin's name as they gave it at sign-up (absent from events published before it was added).</summary>
    public string? AdminName { get; init; }
}

/// <summary>A tenant's settings changed; carries the whole new state.</summary>
public sealed record TenantSettingsChanged : IntegrationEvent
{
    public required TenantSettings Settings { get; init; }

    /// <summary>Names of the settings that changed (for audit and for consumers that care about one).</summary>
    public required IReadOnlyList<string> ChangedFields { get; init; }
}
