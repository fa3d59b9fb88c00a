namespace Sourcing.SystemTests.Sweeps;

/// <summary>
/// One generated request of the malformed-request sweep: what to send, what was done to it (for the
/// report), and whether every reading of the API's rules refuses it (then a 2xx is a validation bug).
/// </summary>
public sealed record MalformedRequest(
    ApiOperation Operation, string PathAndQuery, string Mutation, byte[]? Body, string? ContentType, bool MustBeRefused)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Sends <c>Expect: 100-continue</c>, as a well-behaved client does with a large body, so that a 413 from the headers stops it.</summary>
    public bool ExpectContinue { get; init; }

    /// <summary>Sends the body chunked, without a Content-Length, so that only reading it finds it too large.</summary>
    public bool Chunked { get; init; }

    public string Method => Operation.Method;

    public override string ToString() => $"{Operation.Service} {Method} {PathAndQuery[..Math.Min(PathAndQuery.Length, 160)]} [{Mutation}]";
}

/// <summary>The sweep tenant's real rows that requests aim at, so that they get past "not found" to validation.</summary>
public sealed record SweepTargets(Guid TenantId, Guid AdminUserId, Guid ProviderId, Guid CaptiveCentreId, Guid EngagementId, Guid SlaId);
