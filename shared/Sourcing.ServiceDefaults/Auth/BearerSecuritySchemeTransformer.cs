using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Auth;

/// <summary>
/// Tells the OpenAPI document (and so the Scalar page) that the API takes a bearer JWT from the
/// identity service, so a reader can paste a token and try the endpoints.
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the identity service (authorization code + PKCE, or client credentials): "
                + "a signed JWT validated as RFC8725 asks: RS256 only (never alg none), signature, issuer, audience and lifetime checked, "
                + "and refused at once when its member is removed or its API client revoked.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
