using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Sourcing.Contracts;
using Sourcing.Identity.Data;
using Sourcing.ServiceDefaults.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sourcing.Identity.Auth;

/// <summary>
/// At start-up (after the migrations, which run before the host starts), creates or updates the
/// portal client and the API scopes with their resources, so configuration changes take effect on restart.
/// </summary>
internal sealed partial class ClientRegistration(
    IServiceScopeFactory scopes,
    IOptions<IdentityServerOptions> options,
    ILogger<ClientRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        // Instances starting together take turns, so none fails on the unique client id or scope name.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKeys.StartupData})", cancellationToken);
        await RegisterPortalAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        await RegisterScopesAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterPortalAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var portal = options.Value.Portal;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientOptions.ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Sourcing portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var api in ApiScopes.Audiences)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + api);
        }

        foreach (var uri in portal.EffectiveRedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in portal.EffectivePostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        var existing = await applications.FindByClientIdAsync(PortalClientOptions.ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }

        LogRegistered(logger, PortalClientOptions.ClientId, string.Join(", ", portal.EffectiveRedirectUris));
    }

    private static async Task RegisterScopesAsync(IOpenIddictScopeManager manager, CancellationToken ct)
    {
        foreach (var name in ApiScopes.Audiences.Concat(ApiScopes.All))
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = name };
            descriptor.Resources.UnionWith(ServerScopes.AudiencesOf([name]));
            var existing = await manager.FindByNameAsync(name, ct);
            if (existing is null)
            {
                await manager.CreateAsync(descriptor, ct);
            }
            else
            {
                await manager.UpdateAsync(existing, descriptor, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered client {ClientId} with redirect URIs {RedirectUris}")]
    private static partial void LogRegistered(ILogger logger, string clientId, string redirectUris);
}
