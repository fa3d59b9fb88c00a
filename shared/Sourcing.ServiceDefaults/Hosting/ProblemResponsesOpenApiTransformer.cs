using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Documents the error answers every endpoint can give, each application/problem+json as the
/// shared pipeline writes them: 400 on /api endpoints (an unknown or overlong query parameter,
/// U+0000), 401 and 403 where a token is required (<see cref="Errors.StatusCodeProblems"/>), and
/// 500 (<see cref="Errors.ProblemExceptionHandler"/>, with a traceId); 429 is the rate-limit
/// transformer's. Runs before the rate-limit and CORS transformers, so that
/// these answers get their headers too.
/// </summary>
internal sealed class ProblemResponsesOpenApiTransformer : IOpenApiOperationTransformer
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
            await AddAsync(operation, "401", "No valid access token (missing, expired, or its member or API client was removed).", context, cancellationToken);
            await AddAsync(operation, "403", "The token's role or scopes do not allow this.", context, cancellationToken);
        }

        await AddAsync(operation, "500", "An unexpected error; the traceId names it in the service's log.", context, cancellationToken);
    }

    private static async Task AddAsync(OpenApiOperation operation, string status, string description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = await ProblemAsync(typeof(ProblemDetails), description, context, cancellationToken);
        }
    }

    /// <summary>An answer with an application/problem+json body of <paramref name="type"/>, a component of the document.</summary>
    internal static async Task<OpenApiResponse> ProblemAsync(Type type, string description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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
