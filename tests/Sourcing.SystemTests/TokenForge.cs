using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sourcing.SystemTests;

/// <summary>
/// Makes access tokens by hand — with the identity service's persisted development key (to show
/// that only the expiry or the audience is what gets them refused) or with a stranger's key.
/// </summary>
public static class TokenForge
{
    public static RsaSecurityKey DevelopmentSigningKey(string keysDirectory)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(keysDirectory, "signing.pem")));
        return WithThumbprintId(new RsaSecurityKey(rsa));
    }

    public static RsaSecurityKey StrangerKey() => WithThumbprintId(new RsaSecurityKey(RSA.Create(2048)));

    public static string Create(
        RsaSecurityKey key, Uri issuer, string audience, Guid tenantId, string role, DateTime expiresUtc, DateTime? notBeforeUtc = null,
        Guid? userId = null, string email = "forged@example.com")
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer.ToString(),
            Audience = audience,
            IssuedAt = (notBeforeUtc ?? expiresUtc.AddMinutes(-15)),
            NotBefore = notBeforeUtc ?? expiresUtc.AddMinutes(-15),
            Expires = expiresUtc,
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", (userId ?? Guid.NewGuid()).ToString()),
                new Claim("tenant_id", tenantId.ToString()),
                new Claim("role", role),
                new Claim("email", email),
                new Claim("name", "Forged"),
                new Claim("scope", "openid tenants"),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static RsaSecurityKey WithThumbprintId(RsaSecurityKey key)
    {
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
