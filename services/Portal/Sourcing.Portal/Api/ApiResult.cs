using System.Net;

namespace Sourcing.Portal.Api;

/// <summary>What an API answered: the value on success, else the status and the problem's words (per field when it named fields).</summary>
public sealed record ApiResult<T>(T? Value, HttpStatusCode Status, string? Problem, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public bool Ok => (int)Status is >= 200 and < 300 && Value is not null;

    public bool NotFound => Status == HttpStatusCode.NotFound;
}
