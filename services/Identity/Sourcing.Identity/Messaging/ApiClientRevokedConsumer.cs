using MassTransit;
using OpenIddict.Abstractions;
using Sourcing.Contracts;
using Sourcing.Identity.Auth;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Identity.Messaging;

/// <summary>
/// A revoked API client: its tokens are revoked and the application deleted, so it gets no new
/// token. Access tokens already issued live out their 15 minutes unless an API checks token entries.
/// </summary>
public sealed class ApiClientRevokedConsumer(
    IdentityDb db, ITenantContext tenant, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens)
    : IdempotentConsumer<ApiClientRevoked, IdentityDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<ApiClientRevoked> context, CancellationToken cancellationToken)
    {
        var revoked = context.Message;
        var application = await applications.FindByClientIdAsync(revoked.ClientId, cancellationToken);
        if (application is null
            || await ApiClientApplications.GetTenantIdAsync(applications, application, cancellationToken) != revoked.TenantId)
        {
            return;
        }

        var id = await applications.GetIdAsync(application, cancellationToken);
        if (id is not null)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
        }

        await applications.DeleteAsync(application, cancellationToken);
    }
}
