using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sourcing.ServiceDefaults.Hosting;

/// <summary>
/// Leaves the document's servers out: the generator would write the address the document was
/// fetched from (http://127.0.0.1:... in development), which says nothing true about where the API
/// runs in production (behind TLS). Without servers, readers and Scalar use the document's own origin.
/// </summary>
internal sealed class ServerlessDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [];
        return Task.CompletedTask;
    }
}
