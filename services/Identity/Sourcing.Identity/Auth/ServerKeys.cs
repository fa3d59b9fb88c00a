using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sourcing.Identity.Auth;

/// <summary>
/// The server's RSA keys: signing (RS256, published in the JWKS) and encryption (authorization
/// codes and refresh tokens; access tokens are not encrypted). Each key's id is its RFC 7638 JWK
/// thumbprint, so the same key always has the same <c>kid</c> on every instance.
/// </summary>
public sealed record ServerKeys(RsaSecurityKey Signing, RsaSecurityKey Encryption)
{
    public const string SigningFileName = "signing.pem";
    public const string EncryptionFileName = "encryption.pem";

    /// <summary>
    /// Keys from configuration (PEM text or file path); outside Production, missing ones are generated
    /// once under <see cref="IdentityServerOptions.KeysDirectory"/> so tokens survive a restart.
    /// In Production, missing keys stop the start-up.
    /// </summary>
    public static ServerKeys Load(IdentityServerOptions options, IHostEnvironment environment)
    {
        var signing = FromConfiguration(options.SigningKeyPem, options.SigningKeyPath, environment);
        var encryption = FromConfiguration(options.EncryptionKeyPem, options.EncryptionKeyPath, environment);
        if (signing is null || encryption is null)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Identity:SigningKeyPem (or Identity:SigningKeyPath) and Identity:EncryptionKeyPem (or Identity:EncryptionKeyPath) are required in Production.");
            }

            if (string.IsNullOrWhiteSpace(options.KeysDirectory))
            {
                throw new InvalidOperationException("Identity:KeysDirectory is required when the keys are not configured.");
            }

            var directory = Path.GetFullPath(options.KeysDirectory, environment.ContentRootPath);
            signing ??= LoadOrCreate(Path.Combine(directory, SigningFileName));
            encryption ??= LoadOrCreate(Path.Combine(directory, EncryptionFileName));
        }

        return new ServerKeys(WithThumbprintId(signing), WithThumbprintId(encryption));
    }

    /// <summary>The RFC 7638 thumbprint of the public key, base64url: what the <c>kid</c> header carries.</summary>
    public static string ThumbprintOf(RSA rsa) =>
        Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)).ComputeJwkThumbprint());

    private static RSA? FromConfiguration(string? pem, string? path, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(pem))
        {
            return FromPem(pem);
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            return FromPem(File.ReadAllText(Path.GetFullPath(path, environment.ContentRootPath)));
        }

        return null;
    }

    private static RSA LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return FromPem(File.ReadAllText(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var created = RSA.Create(2048);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, created.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // No overwrite: when two instances start at once, the first key written wins and both use it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return FromPem(File.ReadAllText(path));
    }

    private static RSA FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException("RSA keys must be at least 2048 bits.");
        }

        return rsa;
    }

    private static RsaSecurityKey WithThumbprintId(RSA rsa) => new(rsa) { KeyId = ThumbprintOf(rsa) };
}
