using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Documents the error answers every endpoint can give, each application/problem+json as the
/// shared pipeline writes them: 400 on /api endpoints (an unknown or overlong query parameter,
/// U+0000), 401 and 403 where a token is required (<see cref="Errors.StatusCodeProblems"/>), 429
/// from the rate limiter (when it is on), and 500 (<see cref="Errors.ProblemExceptionHandler"/>, with a traceId).
/// Runs before the rate-limit and CORS transformers, so that these answers get their headers too.
/// </summary>
internal sealed class ProblemResponsesOpenApiTransformer(IOptions<RateLimitOptions> limits) : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var isApi = context.Description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;

        if (isApi && !operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = await ProblemAsync(
                typeof(HttpValidationProblemDetails), "The request is not valid: the errors name each field or parameter and its rule.", context, cancellationToken);
        }

        if (secured)
        {
            operation.Responses.TryAdd("401", await ProblemAsync(
                typeof(ProblemDetails), "No valid access token (missing, expired, or its member or API client was removed).", context, cancellationToken));
            operation.Responses.TryAdd("403", await ProblemAsync(
                typeof(ProblemDetails), "The token's role or scopes do not allow this.", context, cancellationToken));
        }

        if (limits.Value.Enabled)
        {
            operation.Responses["429"] = await ProblemAsync(typeof(ProblemDetails), "Too many requests from this tenant or client: try again after Retry-After seconds.", context, cancellationToken);
        }

        operation.Responses.TryAdd("500", await ProblemAsync(
            typeof(ProblemDetails), "An unexpected error; the traceId names it in the service's log.", context, cancellationToken));
    }

    private static async Task<OpenApiResponse> ProblemAsync(Type type, string description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = type.Name;
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
        }

        return new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(name, document) },
            },
        };
    }
}
