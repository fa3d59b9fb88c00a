namespace Sourcing.ServiceDefaults.Auth;

/// <summary>
/// The authorization policies every API has. Members act by role; API clients (no role) by scope
/// (<c>&lt;api&gt;:read</c>, <c>&lt;api&gt;:write</c>). Every policy requires a tenant.
/// </summary>
public static class Policies
{
    /// <summary>Any member of the tenant, or a client with the API's read or write scope.</summary>
    public const string Read = "read";

    /// <summary>An admin or vendor manager, or a client with the API's write scope.</summary>
    public const string Write = "write";

    /// <summary>The tenant's admins only.</summary>
    public const string Admin = "admin";

    /// <summary>The platform operators (role <c>platform-admin</c>, from the identity service's configuration only): the Hangfire dashboard, resync.</summary>
    public const string PlatformAdmin = "platform-admin";
}
