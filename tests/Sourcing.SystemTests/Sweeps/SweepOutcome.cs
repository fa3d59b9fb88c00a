namespace Sourcing.SystemTests.Sweeps;

/// <summary>One answer of the sweep (status 0: the request failed on the wire).</summary>
public sealed record SweepOutcome(MalformedRequest Request, int Status, string? MediaType, string Body, string? Error, TimeSpan Elapsed)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string Line => $"{Status} {Request} {(Error ?? Body)[..Math.Min((Error ?? Body).Length, 300)].ReplaceLineEndings(" ")}";
}
