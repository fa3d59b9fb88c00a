using Microsoft.IdentityModel.JsonWebTokens;

namespace Sourcing.SystemTests;

/// <summary>Reads an access token's header and claims (without validating it: the APIs do that).</summary>
public static class TokenInspection
{
    public static JsonWebToken Read(string token) => new(token);

    public static IReadOnlyList<string> Scopes(this JsonWebToken token) =>
        token.Claims.Where(c => c.Type == "scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    public static IReadOnlyList<string> Audiences(this JsonWebToken token) => token.Audiences.ToList();

    public static string? Claim(this JsonWebToken token, string type) =>
        token.TryGetClaim(type, out var claim) ? claim.Value : null;
}
