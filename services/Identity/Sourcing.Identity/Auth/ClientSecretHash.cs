using System.Security.Cryptography;
using System.Text;

namespace Sourcing.Identity.Auth;

/// <summary>
/// API client secrets as the tenants service stores and sends them: base64 SHA-256 of the UTF-8
/// secret. The secret is 256 random bits, so a fast hash is enough (there is nothing to guess).
/// </summary>
public static class ClientSecretHash
{
    public static string Of(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool IsHash(string value) => Convert.TryFromBase64String(value, new byte[32], out var written) && written == 32;

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        var stored = new byte[32];
        return Convert.TryFromBase64String(storedHash, stored, out var written)
            && written == 32
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored);
    }
}
