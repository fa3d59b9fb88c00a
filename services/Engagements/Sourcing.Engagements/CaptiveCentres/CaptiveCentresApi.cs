using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Http;
using Sourcing.Engagements.Providers;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.CaptiveCentres;

/// <summary>The tenant's own captive centres and its partnerships (joint ventures).</summary>
public static class CaptiveCentresApi
{
    public static IEndpointRouteBuilder MapCaptiveCentresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/captive-centres")
            .WithTags("Captive centres")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();

        api.MapGet("", ListCaptiveCentres)
            .WithName("ListCaptiveCentres")
            .WithSummary("The tenant's captive centres and partnerships, filtered (country, kind, q), ordered by legal entity, a page at a time.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("{id:guid}", GetCaptiveCentre)
            .WithName("GetCaptiveCentre")
            .WithSummary("One captive centre or partnership; the ETag is its version.")
            .RequireAuthorization(Policies.Read);
        api.MapPost("", CreateCaptiveCentre)
            .WithName("CreateCaptiveCentre")
            .WithSummary("Registers a captive centre (over 50 % and sole control) or partnership (otherwise). Publishes CaptiveCentreRegistered.")
            .RequireAuthorization(Policies.Write);
        api.MapPut("{id:guid}", UpdateCaptiveCentre)
            .WithName("UpdateCaptiveCentre")
            .WithSummary("Replaces a captive centre's details; If-Match refuses a stale update (412). Publishes CaptiveCentreChanged, and EngagementChanged for engagements whose classification follows.")
            .RequireAuthorization(Policies.Write);
        api.MapGet("{id:guid}/audit", GetCaptiveCentreAudit)
            .WithName("GetCaptiveCentreAudit")
            .WithSummary("Who changed which field, from what, to what, when (newest first).")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<CaptiveCentreResponse>>, ValidationProblem>> ListCaptiveCentres(
        EngagementsDb db, string? country, string? kind, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(country) && !IsoCodes.IsCountry(country))
        {
            errors.Add("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            errors.OneOf("kind", kind, [SourceKinds.CaptiveCentre, SourceKinds.Partnership]);
        }

        Paging.Validate(errors, page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.CaptiveCentres.AsQueryable();
        if (!string.IsNullOrWhiteSpace(country))
        {
            query = query.Where(c => c.Country == country);
        }

        if (kind == SourceKinds.CaptiveCentre)
        {
            query = query.Where(c => c.OwnershipPercent > 50m && !c.SharedControl);
        }
        else if (kind == SourceKinds.Partnership)
        {
            query = query.Where(c => c.OwnershipPercent <= 50m || c.SharedControl);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{ProvidersApi.EscapeLike(q.Trim())}%";
            query = query.Where(c => EF.Functions.ILike(c.LegalEntity, pattern, "\\"));
        }

        var result = await query.OrderBy(c => c.LegalEntity).ThenBy(c => c.Id).ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<CaptiveCentreResponse>([.. result.Items.Select(CaptiveCentreResponse.From)], result.PageNumber, result.PageSize, result.TotalCount));
    }

    public static async Task<Results<Ok<CaptiveCentreResponse>, NotFound>> GetCaptiveCentre(
        Guid id, EngagementsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var centre = await db.CaptiveCentres.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = centre.ETag;
        return TypedResults.Ok(CaptiveCentreResponse.From(centre));
    }

    public static async Task<Results<Created<CaptiveCentreResponse>, ValidationProblem>> CreateCaptiveCentre(
        CaptiveCentreRequest request, EngagementsDb db, ITenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var centre = new CaptiveCentre { TenantId = tenant.RequiredTenantId, Id = Guid.CreateVersion7(now), Version = 1, CreatedAt = now, UpdatedAt = now };
        var errors = new ValidationErrors();
        if (!request.ValidateInto(centre, errors))
        {
            return errors.ToProblem();
        }

        var actor = Actor.From(http.User);
        db.CaptiveCentres.Add(centre);
        AuditTrail.RecordEvent(db, centre.TenantId, AuditTrail.CaptiveCentre, centre.Id, centre.LegalEntity, "created", actor, now);
        db.AddEvent(new CaptiveCentreRegistered { TenantId = centre.TenantId, CaptiveCentre = centre.ToState() });
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = centre.ETag;
        return TypedResults.Created($"/api/captive-centres/{centre.Id}", CaptiveCentreResponse.From(centre));
    }

    public static async Task<Results<Ok<CaptiveCentreResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCaptiveCentre(
        Guid id,
        CaptiveCentreRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        EngagementsDb db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var centre = await db.CaptiveCentres.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, centre.ETag, "captive centre") is { } stale)
        {
            return stale;
        }

        var before = centre.Snapshot();
        var errors = new ValidationErrors();
        if (!request.ValidateInto(centre, errors))
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        var actor = Actor.From(http.User);
        var changed = AuditTrail.RecordChanges(db, centre.TenantId, AuditTrail.CaptiveCentre, centre.Id, "changed", before, centre.Snapshot(), actor, now);
        if (changed.Count > 0)
        {
            centre.Version++;
            centre.UpdatedAt = now;
            db.AddEvent(new CaptiveCentreChanged { TenantId = centre.TenantId, CaptiveCentre = centre.ToState(), ChangedFields = changed });
            if (changed.Contains("kind") && await db.Tenants.SingleOrDefaultAsync(cancellationToken) is { } tenant)
            {
                // A captive centre that became a partnership (or back) changes its engagements' source kind and classification.
                var engagements = await db.Engagements.Where(e => e.CaptiveCentreId == centre.Id).ToListAsync(cancellationToken);
                EngagementWrites.Reclassify(db, engagements, tenant, new Dictionary<Guid, CaptiveCentre> { [centre.Id] = centre }, actor, now);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.Stale("captive centre");
        }

        http.Response.Headers.ETag = centre.ETag;
        return TypedResults.Ok(CaptiveCentreResponse.From(centre));
    }

    public static async Task<Results<Ok<Page<AuditEntryResponse>>, NotFound>> GetCaptiveCentreAudit(
        Guid id, int? page, int? pageSize, EngagementsDb db, CancellationToken cancellationToken)
    {
        if (!await db.CaptiveCentres.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await AuditEntryResponse.ForAsync(db, id, page, pageSize, cancellationToken));
    }
}
