using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sourcing.ServiceDefaults.Http;

/// <summary>Optimistic concurrency with ETag / If-Match: the ETag is the row's version in quotes.</summary>
public static class Preconditions
{
    /// <summary>Null when the update may go ahead (no If-Match, "*", or the current ETag); else the 412 answer.</summary>
    public static ProblemHttpResult? Check(string? ifMatch, string currentETag, string what)
    {
        if (ifMatch is null || ifMatch == "*" || ifMatch.Split(',').Select(s => s.Trim()).Contains(currentETag, StringComparer.Ordinal))
        {
            return null;
        }

        return Stale(what, $"If-Match was {ifMatch}; the current ETag is {currentETag}. Read it again and retry.");
    }

    public static ProblemHttpResult Stale(string what, string? detail = null) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: $"The {what} changed since you read it.",
            detail: detail ?? "Someone else saved a change first. Read it again and retry.");
}
