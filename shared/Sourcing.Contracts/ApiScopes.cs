namespace Sourcing.Contracts;

/// <summary>
/// OAuth scopes an API client can be granted. The part before the colon is the API (the token's
/// audience); the part after it is read or write.
/// </summary>
public static class ApiScopes
{
    public const string TenantsRead = "tenants:read";
    public const string EngagementsRead = "engagements:read";
    public const string EngagementsWrite = "engagements:write";
    public const string SlaRead = "sla:read";
    public const string SlaWrite = "sla:write";
    public const string RiskRead = "risk:read";

    public static readonly IReadOnlyList<string> All =
        [TenantsRead, EngagementsRead, EngagementsWrite, SlaRead, SlaWrite, RiskRead];

    /// <summary>The audiences (one per API) that access tokens are issued for.</summary>
    public static readonly IReadOnlyList<string> Audiences = ["tenants", "engagements", "sla", "risk"];
}
