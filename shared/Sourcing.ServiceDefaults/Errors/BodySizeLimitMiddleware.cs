using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Sourcing.ServiceDefaults.Hosting;

namespace Sourcing.ServiceDefaults.Errors;

/// <summary>
/// Refuses a body that declares itself larger than the limit with 413 ProblemDetails before it is
/// read; a chunked body is cut off by the same limit while it is read. Endpoints that take uploads
/// raise their own limit with <see cref="RequestSizeLimitExtensions"/>.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<LimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var endpointLimit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var limit = endpointLimit ?? options.Value.MaxRequestBodyBytes;
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["body"] = [$"is {context.Request.ContentLength} bytes; the limit is {limit} bytes."],
                })
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                },
            });
            return;
        }

        await next(context);
    }
}
