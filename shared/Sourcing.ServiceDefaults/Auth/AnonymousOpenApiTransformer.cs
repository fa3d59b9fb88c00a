using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Auth;

/// <summary>
/// An endpoint that takes no token (sign-up, the unsubscribe link...) says so with an empty security
/// requirement, rather than inheriting the document's bearer requirement or none at all.
/// </summary>
internal sealed class AnonymousOpenApiTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement()];
        }

        return Task.CompletedTask;
    }
}
