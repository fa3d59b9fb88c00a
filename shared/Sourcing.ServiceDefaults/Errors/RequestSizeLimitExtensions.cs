using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sourcing.ServiceDefaults.Errors;

/// <summary>Lets an upload endpoint accept a larger body than the service-wide limit.</summary>
public static class RequestSizeLimitExtensions
{
    public static TBuilder WithMaxRequestBodySize<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimit(bytes));

    private sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
