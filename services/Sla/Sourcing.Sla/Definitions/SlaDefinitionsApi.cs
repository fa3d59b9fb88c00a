using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Auditing;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;
using Sourcing.Sla.Data;
using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Definitions;

/// <summary>SLA definitions on the tenant's engagements: define, list, read, change, retire, and their history.</summary>
public static class SlaDefinitionsApi
{
    private const string AuditService = "sla";
    private const string AuditSubject = "sla";
    private static readonly string[] AuditIgnored = ["version", "updatedAt", "eTag", "etag"];

    public static IEndpointRouteBuilder MapSlaDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api")
            .WithTags("SLA definitions")
            .WithTenantTransaction<SlaDb, RouteGroupBuilder>();

        api.MapGet("engagements/{engagementId:guid}/slas", ListSlas).RequireAuthorization(Policies.Read)
            .WithName("ListSlas").WithSummary("The engagement's SLAs, oldest first, a page at a time (add ?includeRetired=true for the retired ones too).");
        api.MapPost("engagements/{engagementId:guid}/slas", DefineSla).RequireAuthorization(Policies.Write)
            .WithName("DefineSla").WithSummary("Defines an SLA on an engagement this tenant has (publishes SlaDefined).");
        api.MapGet("slas/{id:guid}", GetSla).RequireAuthorization(Policies.Read)
            .WithName("GetSla").WithSummary("One SLA; the ETag is its version.");
        api.MapPut("slas/{id:guid}", ChangeSla).RequireAuthorization(Policies.Write)
            .WithName("ChangeSla").WithSummary("Replaces an active SLA's definition, keeping the old one as a version (publishes SlaChanged). If-Match refuses a stale change (412).");
        api.MapPost("slas/{id:guid}/retire", RetireSla).RequireAuthorization(Policies.Write)
            .WithName("RetireSla").WithSummary("Retires an SLA: its history stays, it takes no new measurements (publishes SlaRetired).");
        api.MapGet("slas/{id:guid}/versions", ListVersions).RequireAuthorization(Policies.Read)
            .WithName("ListSlaVersions").WithSummary("Every version of an SLA, oldest first, with the fields each change touched.");
        return app;
    }

    public static async Task<Results<Ok<Page<SlaResponse>>, NotFound, ValidationProblem>> ListSlas(
        Guid engagementId, bool? includeRetired, int? page, int? pageSize, SlaDb db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Paging.Validate(errors, page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Engagements.AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var all = includeRetired == true;
        var slas = await db.Slas
            .Where(s => s.EngagementId == engagementId && (all || s.Status == SlaStatuses.Active))
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<SlaResponse>([.. slas.Items.Select(SlaResponse.From)], slas.PageNumber, slas.PageSize, slas.TotalCount));
    }

    public static async Task<Results<Created<SlaResponse>, NotFound, ValidationProblem>> DefineSla(
        Guid engagementId, SlaRequest request, SlaDb db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        if (engagement.IsTerminated)
        {
            errors.Add("engagementId", "the engagement is terminated: it takes no new SLAs.");
        }

        var valid = request.Validate(errors);
        if (valid is null || errors.Any)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        var sla = new SlaDefinition
        {
            TenantId = tenant.RequiredTenantId,
            Id = Guid.CreateVersion7(),
            EngagementId = engagementId,
            Version = 1,
            CreatedAt = now,
        };
        Apply(sla, valid, now);
        db.Slas.Add(sla);
        db.SlaVersions.Add(sla.Snapshot(http.User.FindUserId(), [], now));
        db.AddEvent(new SlaDefined { TenantId = sla.TenantId, Sla = sla.ToState(SlaStaleness.StaleFrom(sla.Period, null, engagement.ContractStart)) });
        db.AddAudit(AuditService, sla.TenantId, AuditSubject, sla.Id.ToString(), sla.Metric, "created", AuditActor.From(http.User), now);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = sla.ETag;
        return TypedResults.Created($"/api/slas/{sla.Id}", SlaResponse.From(sla));
    }

    public static async Task<Results<Ok<SlaResponse>, NotFound>> GetSla(Guid id, SlaDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var sla = await db.Slas.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sla is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = sla.ETag;
        return TypedResults.Ok(SlaResponse.From(sla));
    }

    public static async Task<Results<Ok<SlaResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeSla(
        Guid id,
        SlaRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        SlaDb db,
        HttpContext http,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var sla = await db.Slas.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sla is null)
        {
            return TypedResults.NotFound();
        }

        if (ifMatch is not null && ifMatch != "*" && ifMatch != sla.ETag)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The SLA changed since you read it.",
                detail: $"If-Match was {ifMatch}; the current ETag is {sla.ETag}. Read it again and retry.");
        }

        if (sla.Status == SlaStatuses.Retired)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The SLA is retired and cannot change.");
        }

        var errors = new ValidationErrors();
        var valid = request.Validate(errors);
        if (valid is null)
        {
            return errors.ToProblem();
        }

        if (valid.Period != sla.Period && await db.Measurements.AnyAsync(m => m.SlaId == id, cancellationToken))
        {
            errors.Add("period", "cannot change once the SLA has measurements (they are keyed by period); retire it and define a new one.");
            return errors.ToProblem();
        }

        var changed = ChangedFields(sla, valid);
        if (changed.Count > 0)
        {
            var now = clock.GetUtcNow();
            var before = SlaResponse.From(sla);
            Apply(sla, valid, now);
            sla.Version++;
            db.AddAudit(AuditService, sla.TenantId, AuditSubject, sla.Id.ToString(), sla.Metric, "changed", AuditActor.From(http.User), now,
                AuditExtensions.DiffJson(before, SlaResponse.From(sla), AuditIgnored));
            db.SlaVersions.Add(sla.Snapshot(http.User.FindUserId(), changed, now));
            var contractStart = await db.Engagements.Where(e => e.Id == sla.EngagementId).Select(e => e.ContractStart).SingleOrDefaultAsync(cancellationToken);
            var latest = await db.Measurements.Where(m => m.SlaId == id).MaxAsync(m => (DateOnly?)m.PeriodStart, cancellationToken);
            db.AddEvent(new SlaChanged
            {
                TenantId = sla.TenantId,
                Sla = sla.ToState(SlaStaleness.StaleFrom(sla.Period, latest, contractStart)),
                ChangedFields = changed,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        http.Response.Headers.ETag = sla.ETag;
        return TypedResults.Ok(SlaResponse.From(sla));
    }

    public static async Task<Results<Ok<SlaResponse>, NotFound>> RetireSla(
        Guid id, SlaDb db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sla = await db.Slas.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sla is null)
        {
            return TypedResults.NotFound();
        }

        if (sla.Status != SlaStatuses.Retired)
        {
            var now = clock.GetUtcNow();
            sla.Status = SlaStatuses.Retired;
            sla.RetiredAt = now;
            sla.UpdatedAt = now;
            sla.Version++;
            db.SlaVersions.Add(sla.Snapshot(http.User.FindUserId(), ["status"], now));
            db.AddEvent(new SlaRetired { TenantId = sla.TenantId, Sla = sla.ToState(null) });
            db.AddAudit(AuditService, sla.TenantId, AuditSubject, sla.Id.ToString(), sla.Metric, "retired", AuditActor.From(http.User), now);
            await db.SaveChangesAsync(cancellationToken);
        }

        http.Response.Headers.ETag = sla.ETag;
        return TypedResults.Ok(SlaResponse.From(sla));
    }

    public static async Task<Results<Ok<List<SlaVersionResponse>>, NotFound>> ListVersions(Guid id, SlaDb db, CancellationToken cancellationToken)
    {
        if (!await db.Slas.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var versions = await db.SlaVersions
            .Where(v => v.SlaId == id)
            .OrderBy(v => v.Version)
            .Select(v => new SlaVersionResponse(
                v.Version, v.Metric, v.Unit, v.Target, v.Direction, v.Period, v.Weight, v.ServiceCreditPercent, v.Status,
                v.ChangedFields, v.ChangedBy, v.ChangedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(versions);
    }

    private static void Apply(SlaDefinition sla, SlaRequest valid, DateTimeOffset now)
    {
        sla.Metric = valid.Metric!;
        sla.Unit = valid.Unit!;
        sla.Target = valid.Target!.Value;
        sla.Direction = valid.Direction!;
        sla.Period = valid.Period!;
        sla.Weight = valid.Weight!.Value;
        sla.ServiceCreditPercent = valid.ServiceCreditPercent;
        sla.UpdatedAt = now;
    }

    private static List<string> ChangedFields(SlaDefinition sla, SlaRequest valid)
    {
        var changed = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }

        Check("metric", sla.Metric == valid.Metric);
        Check("unit", sla.Unit == valid.Unit);
        Check("target", sla.Target == valid.Target);
        Check("direction", sla.Direction == valid.Direction);
        Check("period", sla.Period == valid.Period);
        Check("weight", sla.Weight == valid.Weight);
        Check("serviceCreditPercent", sla.ServiceCreditPercent == valid.ServiceCreditPercent);
        return changed;
    }
}
