using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Auditing;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;
using Sourcing.Tenants.Audit;
using Sourcing.Tenants.Data;

namespace Sourcing.Tenants.ApiClients;

/// <summary>API clients for integrations (admins only): create (the secret is shown once), list, revoke.</summary>
public static class ApiClientsApi
{
    public static IEndpointRouteBuilder MapApiClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/api-clients")
            .WithTags("API clients")
            .RequireAuthorization(Policies.Admin)
            .WithTenantTransaction<TenantsDb, RouteGroupBuilder>();

        api.MapGet("", ListClients).WithName("ListApiClients").WithSummary("The tenant's API clients, newest first (secrets are never shown again).");
        api.MapPost("", CreateClient).WithName("CreateApiClient").WithSummary("Creates a client-credentials client with the given scopes; the answer holds its secret, once.");
        api.MapDelete("{id:guid}", RevokeClient).WithName("RevokeApiClient").WithSummary("Revokes a client: it gets no more tokens.");
        return app;
    }

    public static async Task<Ok<Page<ApiClientResponse>>> ListClients(
        TenantsDb db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await db.ApiClients
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new ApiClientResponse(c.Id, c.ClientId, c.Name, c.Scopes, c.CreatedAt, c.RevokedAt))
            .ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Created<CreatedApiClientResponse>, ValidationProblem>> CreateClient(
        CreateApiClientRequest request, TenantsDb db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("name", request.Name);
        if (request.Scopes is null || request.Scopes.Count == 0)
        {
            errors.Add("scopes", $"must name at least one scope (of: {string.Join(", ", ApiScopes.All)}).");
        }
        else
        {
            for (var i = 0; i < request.Scopes.Count; i++)
            {
                if (!ApiScopes.All.Contains(request.Scopes[i]))
                {
                    errors.Add($"scopes[{i}]", $"'{request.Scopes[i]}' is not a scope (one of: {string.Join(", ", ApiScopes.All)}).");
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var secret = ApiClientSecret.NewSecret();
        var client = new ApiClient
        {
            TenantId = tenant.RequiredTenantId,
            Id = Guid.CreateVersion7(),
            ClientId = ApiClientSecret.NewClientId(),
            Name = request.Name!.Trim(),
            Scopes = request.Scopes!.Distinct().ToList(),
            SecretHash = ApiClientSecret.Hash(secret),
            CreatedBy = http.User.FindUserId() ?? Guid.Empty,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiClients.Add(client);
        db.AddEvent(new ApiClientCreated
        {
            TenantId = client.TenantId,
            ClientId = client.ClientId,
            Name = client.Name,
            Scopes = client.Scopes,
            SecretHash = client.SecretHash,
        });
        db.AddAudit(AuditSubjects.Service, client.TenantId, AuditSubjects.ApiClient, client.Id.ToString(), client.Name, "created",
            AuditActor.From(http.User), client.CreatedAt, [new AuditFieldChange("scopes", null, string.Join(" ", client.Scopes))]);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/api-clients/{client.Id}",
            new CreatedApiClientResponse(client.Id, client.ClientId, secret, client.Name, client.Scopes, client.CreatedAt));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeClient(
        Guid id, TenantsDb db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        if (client.RevokedAt is null)
        {
            client.RevokedAt = clock.GetUtcNow();
            db.AddEvent(new ApiClientRevoked { TenantId = client.TenantId, ClientId = client.ClientId });
            db.AddAudit(AuditSubjects.Service, client.TenantId, AuditSubjects.ApiClient, client.Id.ToString(), client.Name, "revoked",
                AuditActor.From(http.User), client.RevokedAt.Value);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}

public sealed record CreateApiClientRequest(
    [property: Required, MaxLength(200)] string? Name,
    [property: Required, MinLength(1), OneOf(typeof(ApiScopes))] IReadOnlyList<string>? Scopes);

public sealed record ApiClientResponse(
    Guid Id, string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The one answer that holds the secret; store it now, it is not shown again.</summary>
public sealed record CreatedApiClientResponse(
    Guid Id, string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);
