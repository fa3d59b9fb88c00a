namespace Sourcing.ServiceDefaults.Auth;

/// <summary>How long an API remembers a revocation (configuration section <c>TokenRevocation</c>).</summary>
public sealed class TokenRevocationOptions
{
    public const string Section = "TokenRevocation";

    /// <summary>Longer than the identity service's access-token lifetime (15 minutes by default).</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromHours(1);
}
