using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Http;

/// <summary>
/// Refuses, with 400 naming the parameter, what a handler would otherwise silently ignore or fail
/// on: a query or form value holding U+0000 or a query value longer than
/// <see cref="InputLimits.MaxQueryValueLength"/> (on every endpoint), and a query parameter that an API
/// endpoint (<c>/api/...</c>) does not take, such as a misspelt or unsupported filter.
/// </summary>
internal sealed class QueryStringCheckMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<RouteEndpoint, IReadOnlySet<string>?> Known = new();

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Query)
        {
            if (NulCharacter.In(key) || values.Any(NulCharacter.In))
            {
                errors[key.Replace("\0", "\\0", StringComparison.Ordinal)] = [NulCharacter.Rule];
            }
            else if (values.Any(v => v is { Length: > InputLimits.MaxQueryValueLength }))
            {
                errors[key] = [InputLimits.QueryValueRule];
            }
        }

        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            var known = Known.GetOrAdd(endpoint, KnownNames);
            if (known is not null)
            {
                foreach (var key in context.Request.Query.Keys.Where(k => !known.Contains(k) && !errors.ContainsKey(k)))
                {
                    errors[key] = [known.Count == 0
                        ? "is not a parameter of this endpoint (it takes no query parameters)."
                        : $"is not a parameter of this endpoint (parameters: {string.Join(", ", known.Order(StringComparer.Ordinal))})."];
                }
            }

            if (context.Request.HasFormContentType)
            {
                await CheckFormAsync(context, errors);
            }
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
        });
    }

    private static IReadOnlySet<string>? KnownNames(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
        if (!pattern.StartsWith("api/", StringComparison.OrdinalIgnoreCase) || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return null;
        }

        return QueryParameterNames.Of(handler, endpoint.RoutePattern.Parameters.Select(p => p.Name));
    }

    private static async Task CheckFormAsync(HttpContext context, Dictionary<string, string[]> errors)
    {
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (NulCharacter.In(key) || values.Any(NulCharacter.In))
                {
                    errors[key.Replace("\0", "\\0", StringComparison.Ordinal)] = [NulCharacter.Rule];
                }
            }
        }
        catch (InvalidDataException)
        {
            // A malformed form is the endpoint's to refuse, as it would without this check.
        }
    }
}
