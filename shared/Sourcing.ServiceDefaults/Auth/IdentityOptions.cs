namespace Sourcing.ServiceDefaults.Auth;

/// <summary>Where an API finds the identity service (section <c>Identity</c>).</summary>
public sealed class IdentityAuthorityOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer URL; its discovery document gives the signing keys.</summary>
    public string Authority { get; set; } = "";
}
