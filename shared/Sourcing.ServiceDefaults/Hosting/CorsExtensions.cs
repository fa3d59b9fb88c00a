using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Cross-origin requests from browsers: allowed only from the origins in <c>Cors:AllowedOrigins</c>
/// (the portal's, once it runs on its own origin; none by default), which then get
/// Access-Control-Allow-Origin with their own origin. The OpenAPI documents say so on every answer.
/// </summary>
internal static class CorsExtensions
{
    public const string Section = "Cors:AllowedOrigins";
    public const string AllowOriginHeader = "Access-Control-Allow-Origin";

    public static void AddSourcingCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                throw new InvalidOperationException($"{Section} holds '{origin}': each must be an origin such as https://portal.example.com (scheme, host, port; no path).");
            }
        }

        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "ETag", "Retry-After", RateLimitOpenApiTransformer.LimitHeader)));
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<CorsOpenApiTransformer>());
    }
}

/// <summary>Documents Access-Control-Allow-Origin on every answer (see <see cref="CorsExtensions"/>).</summary>
internal sealed class CorsOpenApiTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[CorsExtensions.AllowOriginHeader] = new OpenApiHeader
            {
                Description = $"The request's Origin, sent only when it is one of {CorsExtensions.Section} (none by default).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", MaxLength = 2048 },
            };
        }

        return Task.CompletedTask;
    }
}
