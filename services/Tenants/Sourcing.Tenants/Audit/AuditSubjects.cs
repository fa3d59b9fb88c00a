namespace Sourcing.Tenants.Audit;

/// <summary>The names this service gives its own subjects in the tenant-wide audit trail.</summary>
public static class AuditSubjects
{
    public const string Service = "tenants";
    public const string Settings = "settings";
    public const string Member = "member";
    public const string Invitation = "invitation";
    public const string ApiClient = "api-client";
}
