using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;
using Sourcing.Tenants.Data;

namespace Sourcing.Tenants.Audit;

/// <summary>The tenant-wide audit trail: who changed what, when, across every service, newest first.</summary>
public static class AuditApi
{
    /// <summary>The services that write to the trail (the values the service filter accepts).</summary>
    public static readonly IReadOnlyList<string> Services = ["identity", "tenants", "engagements", "sla", "risk"];

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/audit")
            .WithTags("Audit")
            .WithTenantTransaction<TenantsDb, RouteGroupBuilder>()
            .MapGet("", ListAudit)
            .WithName("ListAuditRecords")
            .WithSummary("The tenant's audit trail across all services (settings, members, providers, engagements, SLAs, alerts ...), newest first, a page at a time; filter by service, subject, actor, action and time.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<AuditRecordResponse>>, ValidationProblem>> ListAudit(
        TenantsDb db,
        string? service,
        string? subjectType,
        string? subjectId,
        string? actorId,
        string? action,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (service is not null && !Services.Contains(service))
        {
            errors.Add("service", $"must be one of: {string.Join(", ", Services)}.");
        }

        if (from > to)
        {
            errors.Add("from", "must not be after 'to'.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.AuditRecords.AsQueryable();
        if (service is not null)
        {
            query = query.Where(a => a.Service == service);
        }

        if (!string.IsNullOrEmpty(subjectType))
        {
            query = query.Where(a => a.SubjectType == subjectType);
        }

        if (!string.IsNullOrEmpty(subjectId))
        {
            query = query.Where(a => a.SubjectId == subjectId);
        }

        if (!string.IsNullOrEmpty(actorId))
        {
            query = query.Where(a => a.ActorId == actorId);
        }

        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(a => a.Action == action);
        }

        if (from is { } f)
        {
            query = query.Where(a => a.ChangedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(a => a.ChangedAt <= t);
        }

        var result = await query
            .OrderByDescending(a => a.ChangedAt).ThenByDescending(a => a.Id)
            .Select(a => new AuditRecordResponse(
                a.Id, a.ChangedAt, a.Service, a.SubjectType, a.SubjectId, a.SubjectName, a.Action, a.Changes, a.ActorId, a.ActorName))
            .ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(result);
    }
}

/// <summary>One audit entry: when, which service, what (type, id, name), the action, the changed fields, and who.</summary>
public sealed record AuditRecordResponse(
    Guid Id,
    DateTimeOffset ChangedAt,
    string Service,
    string SubjectType,
    string SubjectId,
    string? SubjectName,
    string Action,
    IReadOnlyList<AuditFieldChange> Changes,
    string? ActorId,
    string? ActorName);
