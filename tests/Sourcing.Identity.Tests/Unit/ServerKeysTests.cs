using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Sourcing.Identity.Auth;

namespace Sourcing.Identity.Tests.Unit;

public sealed class ServerKeysTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"identity-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Development_keys_are_generated_once_and_reloaded_with_the_same_key_ids()
    {
        var first = ServerKeys.Load(new IdentityServerOptions { KeysDirectory = _directory }, new Environment("Development"));
        var second = ServerKeys.Load(new IdentityServerOptions { KeysDirectory = _directory }, new Environment("Development"));

        Assert.True(File.Exists(Path.Combine(_directory, ServerKeys.SigningFileName)));
        Assert.True(File.Exists(Path.Combine(_directory, ServerKeys.EncryptionFileName)));
        Assert.Equal(first.Signing.KeyId, second.Signing.KeyId);
        Assert.NotEqual(first.Signing.KeyId, first.Encryption.KeyId);
    }

    [Fact]
    public void The_key_id_is_the_rfc7638_thumbprint()
    {
        var keys = ServerKeys.Load(new IdentityServerOptions { KeysDirectory = _directory }, new Environment("Development"));
        var parameters = keys.Signing.Rsa.ExportParameters(false);
        // RFC 7638: the required members in lexicographic order, no whitespace.
        var canonical = JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
        });
        Assert.Equal(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), keys.Signing.KeyId);
    }

    [Fact]
    public void Production_without_configured_keys_fails_start_up() =>
        Assert.Throws<InvalidOperationException>(() =>
            ServerKeys.Load(new IdentityServerOptions { KeysDirectory = _directory }, new Environment("Production")));

    [Fact]
    public void Production_takes_the_keys_from_configuration()
    {
        using var signing = RSA.Create(2048);
        using var encryption = RSA.Create(2048);
        var keys = ServerKeys.Load(
            new IdentityServerOptions { SigningKeyPem = signing.ExportPkcs8PrivateKeyPem(), EncryptionKeyPem = encryption.ExportRSAPrivateKeyPem() },
            new Environment("Production"));
        Assert.Equal(ServerKeys.ThumbprintOf(signing), keys.Signing.KeyId);
        Assert.False(Directory.Exists(_directory));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "identity-tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
