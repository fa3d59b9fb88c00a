namespace Sourcing.Identity.Auth;

/// <summary>Section <c>Identity</c>: the OpenID Connect server's issuer, keys, portal client and operators.</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>The public base URL (issuer), ending with a slash; links in e-mails start with it.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Where development keys are generated once and kept (<c>signing.pem</c>, <c>encryption.pem</c>). Not used in Production.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>Production signing key: PKCS#8 or PKCS#1 RSA private key PEM, or a path to one in <see cref="SigningKeyPath"/>.</summary>
    public string? SigningKeyPem { get; set; }

    public string? SigningKeyPath { get; set; }

    /// <summary>Production key for encrypting authorization codes and refresh tokens.</summary>
    public string? EncryptionKeyPem { get; set; }

    public string? EncryptionKeyPath { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public PortalClientOptions Portal { get; set; } = new();

    /// <summary>E-mail addresses whose accounts also get the platform-admin role (only ever from configuration).</summary>
    public List<string> PlatformAdmins { get; set; } = [];

    public Uri IssuerUri => new(Issuer.EndsWith('/') ? Issuer : Issuer + "/", UriKind.Absolute);

    public bool IsPlatformAdmin(string? email) =>
        email is not null && PlatformAdmins.Contains(email, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Section <c>Identity:Portal</c>: the portal client's registered URIs (the defaults when none are configured).</summary>
public sealed class PortalClientOptions
{
    public const string ClientId = "sourcing-portal";

    public static readonly IReadOnlyList<string> DefaultRedirectUris =
        ["http://127.0.0.1/callback", "http://localhost:5000/signin-oidc", "http://127.0.0.1:5000/signin-oidc"];

    public static readonly IReadOnlyList<string> DefaultPostLogoutRedirectUris =
        ["http://127.0.0.1/signed-out", "http://localhost:5000/signout-callback-oidc", "http://127.0.0.1:5000/signout-callback-oidc"];

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public IReadOnlyList<string> EffectiveRedirectUris => RedirectUris.Count > 0 ? RedirectUris : DefaultRedirectUris;

    public IReadOnlyList<string> EffectivePostLogoutRedirectUris =>
        PostLogoutRedirectUris.Count > 0 ? PostLogoutRedirectUris : DefaultPostLogoutRedirectUris;
}
