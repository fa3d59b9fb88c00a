namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Requests allowed per window (configuration section <c>RateLimiting</c>): per tenant, and per
/// client within it (the token's subject: a user or an API client; the remote address when there is
/// no token). The defaults are far above what a person or a well-behaved integration sends, so only
/// a runaway client meets them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>The fixed window the limits count in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests of all of one tenant's users and clients together per window.</summary>
    public int TenantPermitLimit { get; set; } = 60_000;

    /// <summary>Requests of one user, one API client or one anonymous address per window.</summary>
    public int ClientPermitLimit { get; set; } = 20_000;
}
