using System.Security.Cryptography;
using System.Text;

namespace Sourcing.Tenants.ApiClients;

/// <summary>
/// Client ids and secrets. A secret is 256 random bits, so a plain SHA-256 of it cannot be
/// brute-forced and no slow hash is needed; only the hash leaves this service.
/// </summary>
public static class ApiClientSecret
{
    public static string NewClientId() => "sc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
