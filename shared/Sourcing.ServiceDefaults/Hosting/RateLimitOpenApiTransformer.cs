using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Documents the rate limits every endpoint has: the X-RateLimit-Limit header on every 2xx and 4xx
/// answer, and the 429 answer with Retry-After (see <see cref="RateLimitingExtensions"/>).
/// </summary>
internal sealed class RateLimitOpenApiTransformer(IOptions<RateLimitOptions> options) : IOpenApiOperationTransformer
{
    public const string LimitHeader = "X-RateLimit-Limit";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!limits.Enabled)
        {
            return;
        }

        operation.Responses ??= [];
        var tooMany = await ProblemResponsesOpenApiTransformer.ProblemAsync(
            typeof(ProblemDetails), "Too many requests from this tenant or client: try again after Retry-After seconds.", context, cancellationToken);
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds until the window that refused the request ends.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "86400" },
            },
        };
        operation.Responses["429"] = tooMany;

        foreach (var (status, response) in operation.Responses)
        {
            if ((status.StartsWith('2') || status.StartsWith('4')) && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[LimitHeader] = new OpenApiHeader
                {
                    Description = $"Requests one client may send per window of {limits.Window.TotalSeconds:0} s.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                };
            }
        }
    }
}
