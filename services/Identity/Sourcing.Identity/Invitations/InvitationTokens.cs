using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sourcing.Identity.Invitations;

/// <summary>
/// One-time link tokens: 256 random bits, base64url in the link, SHA-256 in the database. A fast
/// hash is enough for a random secret of that size (nothing to brute-force).
/// </summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
