namespace Sourcing.Portal.Auth;

/// <summary>
/// Where the portal finds the identity service and the APIs (sections <c>Identity</c> and
/// <c>Services</c>: tenants, engagements, SLA, risk), and how early it refreshes an access token (section <c>Portal</c>).
/// </summary>
public sealed class PortalOptions
{
    /// <summary>The identity service's issuer URL (<c>Identity:Authority</c>).</summary>
    public string Authority { get; set; } = "";

    /// <summary>The tenants API's base URL (<c>Services:Tenants</c>): settings, members, invitations, API clients.</summary>
    public string TenantsApi { get; set; } = "";

    /// <summary>The engagements API's base URL (<c>Services:Engagements</c>).</summary>
    public string EngagementsApi { get; set; } = "";

    /// <summary>The SLA tracking API's base URL (<c>Services:Sla</c>).</summary>
    public string SlaApi { get; set; } = "";

    /// <summary>The risk API's base URL (<c>Services:Risk</c>).</summary>
    public string RiskApi { get; set; } = "";

    /// <summary>The OAuth client (<c>Portal:ClientId</c>): public, code + PKCE + refresh tokens.</summary>
    public string ClientId { get; set; } = "sourcing-portal";

    /// <summary>
    /// A page refreshes the access token when it has less than this left (<c>Portal:RefreshBefore</c>),
    /// so that no API call carries a token about to expire.
    /// </summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);

    public static PortalOptions Read(IConfiguration configuration) => new()
    {
        Authority = configuration["Identity:Authority"] ?? "",
        TenantsApi = configuration["Services:Tenants"] ?? "",
        EngagementsApi = configuration["Services:Engagements"] ?? "",
        SlaApi = configuration["Services:Sla"] ?? "",
        RiskApi = configuration["Services:Risk"] ?? "",
        ClientId = configuration["Portal:ClientId"] is { Length: > 0 } clientId ? clientId : "sourcing-portal",
        RefreshBefore = TimeSpan.TryParse(configuration["Portal:RefreshBefore"], System.Globalization.CultureInfo.InvariantCulture, out var before)
            ? before
            : TimeSpan.FromMinutes(2),
    };

    /// <summary>The problems with the settings, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (key, value) in new[] { ("Identity:Authority", Authority), ("Services:Tenants", TenantsApi), ("Services:Engagements", EngagementsApi), ("Services:Sla", SlaApi), ("Services:Risk", RiskApi) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"{key} must be an absolute http(s) URL (it is '{value}').";
            }
        }

        if (RefreshBefore < TimeSpan.Zero)
        {
            yield return "Portal:RefreshBefore must not be negative.";
        }
    }
}
