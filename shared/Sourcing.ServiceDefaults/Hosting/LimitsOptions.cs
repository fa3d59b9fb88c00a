namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>Request limits (section <c>Limits</c>).</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body accepted, in bytes (default 1 MiB); above it the answer is 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
