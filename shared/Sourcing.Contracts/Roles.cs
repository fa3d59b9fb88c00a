namespace Sourcing.Contracts;

/// <summary>The roles a member of a tenant can hold, and the operator role.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string VendorManager = "vendor-manager";
    public const string Viewer = "viewer";

    /// <summary>Tenant-independent operator (Hangfire dashboard and the like); never granted by a tenant admin.</summary>
    public const string PlatformAdmin = "platform-admin";

    public static readonly IReadOnlyList<string> TenantRoles = [Admin, VendorManager, Viewer];
}
