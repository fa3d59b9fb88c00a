using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Findings;
using Sourcing.Engagements.Http;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Engagements;

/// <summary>Engagements and their contracts, classified; lists, totals, termination and the audit trail.</summary>
public static class EngagementsApi
{
    public static IEndpointRouteBuilder MapEngagementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/engagements")
            .WithTags("Engagements")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();

        api.MapGet("", ListEngagements)
            .WithName("ListEngagements")
            .WithSummary("The tenant's engagements, filtered (country, process, kind, classification, locationGrade, providerId, captiveCentreId, criticality, status, owner, q) and sorted, a page at a time.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("totals", GetTotals)
            .WithName("GetEngagementTotals")
            .WithSummary("Counts (and headcount) of the engagements matching the same filters, by classification, delivery country and business process.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("classification", ClassifyEngagement)
            .WithName("ClassifyEngagement")
            .WithSummary("The classification and its reason that an engagement with these facts would get (source, scope, process, place of work, delivery country and time zone, contract dates), computed as a create computes it; nothing is saved.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("{id:guid}", GetEngagement)
            .WithName("GetEngagement")
            .WithSummary("One engagement with its classification and current findings; the ETag is its version.")
            .RequireAuthorization(Policies.Read);
        api.MapPost("", CreateEngagement)
            .WithName("CreateEngagement")
            .WithSummary("Records an engagement (vendor managers and admins); it is classified at once. Publishes EngagementCreated.")
            .RequireAuthorization(Policies.Write);
        api.MapPut("{id:guid}", UpdateEngagement)
            .WithName("UpdateEngagement")
            .WithSummary("Replaces an engagement; If-Match with the ETag refuses a stale update (412). Publishes EngagementChanged, or EngagementTerminated when it became terminated.")
            .RequireAuthorization(Policies.Write);
        api.MapPost("{id:guid}/terminate", TerminateEngagement)
            .WithName("TerminateEngagement")
            .WithSummary("Terminates an engagement (on the given date, today by default). Publishes EngagementTerminated.")
            .RequireAuthorization(Policies.Write);
        api.MapGet("{id:guid}/audit", GetEngagementAudit)
            .WithName("GetEngagementAudit")
            .WithSummary("Who changed which field of the engagement, from what, to what, when (newest first).")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<EngagementResponse>>, ValidationProblem>> ListEngagements(
        [AsParameters] EngagementFilter filter, EngagementsDb db, CancellationToken cancellationToken)
    {
        if (filter.Validate() is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        var result = await filter.Order(filter.Apply(db.Engagements)).ToPageAsync(filter.Page, filter.PageSize, cancellationToken);
        return TypedResults.Ok(new Page<EngagementResponse>(
            [.. result.Items.Select(e => EngagementResponse.From(e))], result.PageNumber, result.PageSize, result.TotalCount));
    }

    public static async Task<Results<Ok<EngagementTotals>, ValidationProblem>> GetTotals(
        [AsParameters] EngagementFilter filter, EngagementsDb db, CancellationToken cancellationToken)
    {
        if (filter.Validate() is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        var query = filter.Apply(db.Engagements);
        var byClassification = await query.GroupBy(e => new { e.ClassificationKind, e.ClassificationLabel })
            .Select(g => new TotalRow(g.Key.ClassificationKind, g.Key.ClassificationLabel, g.Count(), g.Sum(e => e.Headcount ?? 0)))
            .ToListAsync(cancellationToken);
        var byCountry = await query.GroupBy(e => e.DeliveryCountry)
            .Select(g => new TotalRow(g.Key, g.Key, g.Count(), g.Sum(e => e.Headcount ?? 0)))
            .ToListAsync(cancellationToken);
        var byProcess = await query.GroupBy(e => e.BusinessProcess)
            .Select(g => new TotalRow(g.Key, g.Key, g.Count(), g.Sum(e => e.Headcount ?? 0)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new EngagementTotals(
            byClassification.Sum(r => r.Count),
            [.. byClassification.OrderByDescending(r => r.Count).ThenBy(r => r.Key)],
            [.. byCountry.Select(r => r with { Label = Classification.CountryNames.Name(r.Key) }).OrderByDescending(r => r.Count).ThenBy(r => r.Key)],
            [.. byProcess.Select(r => r with { Label = Classification.EngagementClassifier.ProcessWords(r.Key) }).OrderByDescending(r => r.Count).ThenBy(r => r.Key)]));
    }

    public static async Task<Results<Ok<EngagementResponse>, NotFound>> GetEngagement(
        Guid id, EngagementsDb db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = engagement.ETag;
        var findings = await FindingsQuery.EvaluateAsync(db, clock, engagement.Id, cancellationToken);
        return TypedResults.Ok(EngagementResponse.From(engagement, findings));
    }

    public static async Task<Results<Ok<ClassificationAnswer>, ValidationProblem, ProblemHttpResult>> ClassifyEngagement(
        [AsParameters] ClassificationQuery query, EngagementsDb db, ITenantContext tenantContext, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TenantNotKnownYet();
        }

        // The create's own steps, without the save: look the source up, validate and fill the defaults, classify.
        var now = clock.GetUtcNow();
        var engagement = new Engagement { TenantId = tenantContext.RequiredTenantId };
        var errors = new ValidationErrors();
        var request = query.ToRequest(errors);
        var source = await EngagementWrites.ResolveSourceAsync(db, query.ProviderId, query.CaptiveCentreId, errors, "providerId", "captiveCentreId", cancellationToken);
        if (!request.ValidateInto(engagement, errors, source, DateOnly.FromDateTime(now.UtcDateTime)) || errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(new ClassificationAnswer(
            engagement.SourceKind, engagement.DeliveryCountry, engagement.DeliveryTimeZone, EngagementWrites.Classify(engagement, tenant, now.Year)));
    }

    public static async Task<Results<Created<EngagementResponse>, ValidationProblem, ProblemHttpResult>> CreateEngagement(
        EngagementRequest request, EngagementsDb db, ITenantContext tenantContext, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TenantNotKnownYet();
        }

        var now = clock.GetUtcNow();
        var engagement = new Engagement { TenantId = tenantContext.RequiredTenantId, Id = Guid.CreateVersion7(now), Version = 1, CreatedAt = now, UpdatedAt = now };
        var errors = new ValidationErrors();
        var source = await EngagementWrites.ResolveSourceAsync(db, request.ProviderId, request.CaptiveCentreId, errors, "providerId", "captiveCentreId", cancellationToken);
        if (!request.ValidateInto(engagement, errors, source, DateOnly.FromDateTime(now.UtcDateTime)))
        {
            return errors.ToProblem();
        }

        EngagementWrites.Create(db, engagement, tenant, Actor.From(http.User), now);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = engagement.ETag;
        var findings = await FindingsQuery.EvaluateAsync(db, clock, engagement.Id, cancellationToken);
        return TypedResults.Created($"/api/engagements/{engagement.Id}", EngagementResponse.From(engagement, findings));
    }

    public static async Task<Results<Ok<EngagementResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateEngagement(
        Guid id,
        EngagementRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        EngagementsDb db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, engagement.ETag, "engagement") is { } stale)
        {
            return stale;
        }

        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TenantNotKnownYet();
        }

        var now = clock.GetUtcNow();
        var before = engagement.Snapshot();
        var errors = new ValidationErrors();
        var source = await EngagementWrites.ResolveSourceAsync(db, request.ProviderId, request.CaptiveCentreId, errors, "providerId", "captiveCentreId", cancellationToken);
        if (!request.ValidateInto(engagement, errors, source, DateOnly.FromDateTime(now.UtcDateTime)))
        {
            return errors.ToProblem();
        }

        EngagementWrites.Change(db, engagement, before, tenant, Actor.From(http.User), now);
        return await SaveAndAnswer(db, engagement, clock, http, cancellationToken);
    }

    public static async Task<Results<Ok<EngagementResponse>, NotFound, ValidationProblem, ProblemHttpResult>> TerminateEngagement(
        Guid id,
        TerminateRequest? request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        EngagementsDb db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, engagement.ETag, "engagement") is { } stale)
        {
            return stale;
        }

        if (engagement.Status == EngagementStatuses.Terminated)
        {
            var errors = new ValidationErrors();
            errors.Add("status", $"the engagement was terminated already (on {engagement.TerminatedOn:yyyy-MM-dd}).");
            return errors.ToProblem();
        }

        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TenantNotKnownYet();
        }

        var now = clock.GetUtcNow();
        var before = engagement.Snapshot();
        engagement.Status = EngagementStatuses.Terminated;
        engagement.TerminatedOn = request?.TerminatedOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        EngagementWrites.Change(db, engagement, before, tenant, Actor.From(http.User), now);
        return await SaveAndAnswer(db, engagement, clock, http, cancellationToken);
    }

    public static async Task<Results<Ok<Page<AuditEntryResponse>>, NotFound>> GetEngagementAudit(
        Guid id, int? page, int? pageSize, EngagementsDb db, CancellationToken cancellationToken)
    {
        if (!await db.Engagements.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await AuditEntryResponse.ForAsync(db, id, page, pageSize, cancellationToken));
    }

    private static async Task<Results<Ok<EngagementResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAndAnswer(
        EngagementsDb db, Engagement engagement, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.Stale("engagement");
        }

        http.Response.Headers.ETag = engagement.ETag;
        var findings = await FindingsQuery.EvaluateAsync(db, clock, engagement.Id, cancellationToken);
        return TypedResults.Ok(EngagementResponse.From(engagement, findings));
    }

    internal static ProblemHttpResult TenantNotKnownYet() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "This service has not received the tenant's settings yet.",
            detail: "The tenant's HQ country and time zone arrive by event shortly after sign-up. Retry in a few seconds.");
}

public sealed record TerminateRequest(DateOnly? TerminatedOn);

public sealed record TotalRow(string Key, string Label, int Count, int Headcount);

public sealed record EngagementTotals(
    int Count, IReadOnlyList<TotalRow> ByClassification, IReadOnlyList<TotalRow> ByCountry, IReadOnlyList<TotalRow> ByProcess);
