using MassTransit;
using OpenIddict.Abstractions;
using Sourcing.Contracts;
using Sourcing.Identity.Auth;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Identity.Messaging;

/// <summary>A tenant's new API client becomes a confidential OpenIddict application (client credentials only).</summary>
public sealed partial class ApiClientCreatedConsumer(
    IdentityDb db, ITenantContext tenant, IOpenIddictApplicationManager applications, ILogger<ApiClientCreatedConsumer> logger)
    : IdempotentConsumer<ApiClientCreated, IdentityDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<ApiClientCreated> context, CancellationToken cancellationToken)
    {
        var created = context.Message;
        if (await applications.FindByClientIdAsync(created.ClientId, cancellationToken) is not null)
        {
            // Client ids are unique; a second client with the same id would be a bug upstream.
            LogExists(logger, created.ClientId);
            return;
        }

        await applications.CreateAsync(ApiClientApplications.Describe(created), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API client {ClientId} already exists; event ignored")]
    private static partial void LogExists(ILogger logger, string clientId);
}
