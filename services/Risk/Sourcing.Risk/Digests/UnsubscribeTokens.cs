using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Sourcing.Risk.Digests;

/// <summary>
/// The signed token of the one-click unsubscribe link: tenant, subscription and the subscription's
/// current nonce, protected (encrypted and authenticated) with the services' shared data-protection
/// keys, so a changed token is refused and any instance can read one another made. Using the link
/// replaces the nonce, so it works once.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Sourcing.Risk.Digests.Unsubscribe.v1");

    public string Create(Guid tenantId, Guid subscriptionId, Guid nonce) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.ASCII.GetBytes($"{tenantId:N}.{subscriptionId:N}.{nonce:N}")));

    /// <summary>The token's contents, or null when it was not made by us or was changed.</summary>
    public (Guid TenantId, Guid SubscriptionId, Guid Nonce)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Encoding.ASCII.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('.');
            return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var tenant) && Guid.TryParseExact(parts[1], "N", out var subscription)
                && Guid.TryParseExact(parts[2], "N", out var nonce)
                ? (tenant, subscription, nonce)
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
