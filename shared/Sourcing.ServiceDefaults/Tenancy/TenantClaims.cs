using System.Security.Claims;

namespace Sourcing.ServiceDefaults.Tenancy;

/// <summary>Claim names of our access tokens (see docs/conventions.md).</summary>
public static class TenantClaims
{
    public const string TenantId = "tenant_id";
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";
    public const string Name = "name";
    public const string Scope = "scope";

    public static Guid? FindTenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(TenantId)?.Value, out var id) ? id : null;

    public static Guid? FindUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Subject)?.Value, out var id) ? id : null;

    /// <summary>The token's scopes, whether sent as one space-separated claim or as several claims.</summary>
    public static IEnumerable<string> Scopes(this ClaimsPrincipal user) =>
        user.FindAll(Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
