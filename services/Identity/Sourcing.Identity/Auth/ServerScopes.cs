using Sourcing.Contracts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>The scopes the server knows, and the audiences (resources) a set of scopes makes.</summary>
public static class ServerScopes
{
    /// <summary>What the portal (people) may ask for: OpenID scopes plus one scope per API.</summary>
    public static readonly IReadOnlyList<string> UserScopes =
        [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. ApiScopes.Audiences];

    public static readonly IReadOnlyList<string> All = [.. UserScopes, .. ApiScopes.All];

    /// <summary>
    /// The APIs a token is for: the part of each scope before the colon when it names an API
    /// (<c>sla</c> and <c>sla:write</c> both give <c>sla</c>).
    /// </summary>
    public static IReadOnlyList<string> AudiencesOf(IEnumerable<string> scopes) =>
        scopes.Select(s => s.Split(':', 2)[0])
            .Where(a => ApiScopes.Audiences.Contains(a, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
