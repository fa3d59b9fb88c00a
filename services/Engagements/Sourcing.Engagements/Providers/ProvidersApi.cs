using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Providers;

/// <summary>The tenant's inventory of third-party providers.</summary>
public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/providers")
            .WithTags("Providers")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();

        api.MapGet("", ListProviders)
            .WithName("ListProviders")
            .WithSummary("The tenant's providers, filtered (country, free text q) and sorted (legalName, hqCountry, createdAt; '-' for descending), a page at a time.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("{id:guid}", GetProvider)
            .WithName("GetProvider")
            .WithSummary("One provider; the ETag is its version.")
            .RequireAuthorization(Policies.Read);
        api.MapPost("", CreateProvider)
            .WithName("CreateProvider")
            .WithSummary("Adds a provider (vendor managers and admins); publishes ProviderRegistered.")
            .RequireAuthorization(Policies.Write);
        api.MapPut("{id:guid}", UpdateProvider)
            .WithName("UpdateProvider")
            .WithSummary("Replaces a provider's details; If-Match with the ETag refuses a stale update (412). Publishes ProviderChanged.")
            .RequireAuthorization(Policies.Write);
        api.MapDelete("{id:guid}", DeleteProvider)
            .WithName("DeleteProvider")
            .WithSummary("Deletes a provider that has no planned or active engagement (409 naming them otherwise). Publishes ProviderDeleted.")
            .RequireAuthorization(Policies.Write);
        api.MapGet("{id:guid}/audit", GetProviderAudit)
            .WithName("GetProviderAudit")
            .WithSummary("Who changed which field of the provider, from what, to what, when (newest first).")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    private static readonly IReadOnlyList<string> Sorts = ["legalName", "hqCountry", "createdAt"];

    public static async Task<Results<Ok<Page<ProviderResponse>>, ValidationProblem>> ListProviders(
        EngagementsDb db, string? country, string? q, string? sort, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(country) && !IsoCodes.IsCountry(country))
        {
            errors.Add("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (!string.IsNullOrWhiteSpace(sort) && !Sorts.Contains(sort.TrimStart('-'), StringComparer.Ordinal))
        {
            errors.Add("sort", $"'{sort}' is not a sort of this list (one of: {string.Join(", ", Sorts)}; prefix - for descending).");
        }

        Paging.Validate(errors, page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Providers.Where(p => p.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(country))
        {
            query = query.Where(p => p.HqCountry == country || p.DeliveryCountries.Contains(country));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{EscapeLike(q.Trim())}%";
            query = query.Where(p => EF.Functions.ILike(p.LegalName, pattern, "\\")
                || (p.ContactName != null && EF.Functions.ILike(p.ContactName, pattern, "\\"))
                || (p.Lei != null && EF.Functions.ILike(p.Lei, pattern, "\\")));
        }

        var ordered = sort switch
        {
            "-legalName" => query.OrderByDescending(p => p.LegalName),
            "hqCountry" => query.OrderBy(p => p.HqCountry).ThenBy(p => p.LegalName),
            "-hqCountry" => query.OrderByDescending(p => p.HqCountry).ThenBy(p => p.LegalName),
            "createdAt" => query.OrderBy(p => p.CreatedAt),
            "-createdAt" => query.OrderByDescending(p => p.CreatedAt),
            _ => query.OrderBy(p => p.LegalName),
        };
        var result = await ordered.ThenBy(p => p.Id).ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<ProviderResponse>([.. result.Items.Select(ProviderResponse.From)], result.PageNumber, result.PageSize, result.TotalCount));
    }

    public static async Task<Results<Ok<ProviderResponse>, NotFound>> GetProvider(
        Guid id, EngagementsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var provider = await Find(db, id, cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = provider.ETag;
        return TypedResults.Ok(ProviderResponse.From(provider));
    }

    public static async Task<Results<Created<ProviderResponse>, ValidationProblem>> CreateProvider(
        ProviderRequest request, EngagementsDb db, ITenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var provider = new Provider { TenantId = tenant.RequiredTenantId, Id = Guid.CreateVersion7(now), Version = 1, CreatedAt = now, UpdatedAt = now };
        var errors = new ValidationErrors();
        if (!request.ValidateInto(provider, errors) | !await SubcontractorsExist(db, provider, errors, cancellationToken))
        {
            return errors.ToProblem();
        }

        Register(db, provider, Actor.From(http.User), now);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = provider.ETag;
        return TypedResults.Created($"/api/providers/{provider.Id}", ProviderResponse.From(provider));
    }

    /// <summary>Adds a validated new provider with its audit row and event (shared with the CSV import).</summary>
    internal static void Register(EngagementsDb db, Provider provider, Actor actor, DateTimeOffset now)
    {
        db.Providers.Add(provider);
        AuditTrail.RecordEvent(db, provider.TenantId, AuditTrail.Provider, provider.Id, provider.LegalName, "created", actor, now);
        db.AddEvent(new ProviderRegistered { TenantId = provider.TenantId, Provider = provider.ToState() });
    }

    public static async Task<Results<Ok<ProviderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateProvider(
        Guid id,
        ProviderRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        EngagementsDb db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var provider = await Find(db, id, cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, provider.ETag, "provider") is { } stale)
        {
            return stale;
        }

        var before = provider.Snapshot();
        var errors = new ValidationErrors();
        if (!request.ValidateInto(provider, errors) | !await SubcontractorsExist(db, provider, errors, cancellationToken))
        {
            return errors.ToProblem();
        }

        ApplyChange(db, provider, before, Actor.From(http.User), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.Stale("provider");
        }

        http.Response.Headers.ETag = provider.ETag;
        return TypedResults.Ok(ProviderResponse.From(provider));
    }

    /// <summary>Audits and announces a change already written onto the entity (nothing when no field changed).</summary>
    internal static void ApplyChange(EngagementsDb db, Provider provider, Dictionary<string, string?> before, Actor actor, DateTimeOffset now)
    {
        var changed = AuditTrail.RecordChanges(db, provider.TenantId, AuditTrail.Provider, provider.Id, "changed", before, provider.Snapshot(), actor, now);
        if (changed.Count == 0)
        {
            return;
        }

        provider.Version++;
        provider.UpdatedAt = now;
        db.AddEvent(new ProviderChanged { TenantId = provider.TenantId, Provider = provider.ToState(), ChangedFields = changed });
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteProvider(
        Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        EngagementsDb db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var provider = await Find(db, id, cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, provider.ETag, "provider") is { } stale)
        {
            return stale;
        }

        var open = await db.Engagements
            .Where(e => e.ProviderId == id && e.Status != EngagementStatuses.Terminated)
            .OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.Status })
            .ToListAsync(cancellationToken);
        if (open.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The provider has engagements that are not terminated.",
                detail: "Terminate these first: " + string.Join("; ", open.Select(e => $"{e.Name} ({e.Status}, {e.Id})")),
                extensions: new Dictionary<string, object?> { ["engagements"] = open });
        }

        var now = clock.GetUtcNow();
        provider.DeletedAt = now;
        provider.Version++;
        provider.UpdatedAt = now;
        AuditTrail.RecordEvent(db, provider.TenantId, AuditTrail.Provider, provider.Id, provider.LegalName, "deleted", Actor.From(http.User), now);
        db.AddEvent(new ProviderDeleted { TenantId = provider.TenantId, ProviderId = provider.Id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.Stale("provider");
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Page<AuditEntryResponse>>, NotFound>> GetProviderAudit(
        Guid id, int? page, int? pageSize, EngagementsDb db, CancellationToken cancellationToken)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await AuditEntryResponse.ForAsync(db, id, page, pageSize, cancellationToken));
    }

    internal static Task<Provider?> Find(EngagementsDb db, Guid id, CancellationToken cancellationToken) =>
        db.Providers.SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);

    internal static async Task<bool> SubcontractorsExist(EngagementsDb db, Provider provider, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (provider.Subcontractors.Count == 0)
        {
            return true;
        }

        var ids = provider.Subcontractors.Select(s => s.ProviderId).ToList();
        var known = await db.Providers.Where(p => ids.Contains(p.Id) && p.DeletedAt == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var ok = true;
        for (var i = 0; i < provider.Subcontractors.Count; i++)
        {
            if (!known.Contains(provider.Subcontractors[i].ProviderId))
            {
                errors.Add($"subcontractors[{i}].providerId", $"no provider with id {provider.Subcontractors[i].ProviderId}.");
                ok = false;
            }
        }

        return ok;
    }

    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
