using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.ServiceDefaults.Auditing;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Alerts;

public sealed record AlertResponse(
    Guid Id, string Subject, string Kind, Guid? EngagementId, string? EngagementName, string Severity, string Message, string Status,
    DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Comment,
    DateTimeOffset? ResolvedAt, string? ResolvedBy);

public sealed record AlertActionRequest([property: MaxLength(AlertsApi.MaxCommentLength)] string? Comment);

/// <summary>Alerts: list, read, acknowledge with a comment, resolve.</summary>
public static class AlertsApi
{
    public const int MaxCommentLength = 2000;

    public static void MapAlertsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk/alerts")
            .WithTags("Alerts")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/", List).WithName("ListAlerts")
            .WithSummary("Alerts with their engagement's name, newest first; filter by status (open, acknowledged, resolved), kind and engagement.");
        group.MapGet("/{alertId:guid}", Get).WithName("GetAlert").WithSummary("One alert.");
        group.MapPost("/{alertId:guid}/acknowledge", Acknowledge).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledges an open alert with a comment (required); it stays until its cause goes away or someone resolves it.")
            .RequireAuthorization(Policies.Write);
        group.MapPost("/{alertId:guid}/resolve", Resolve).WithName("ResolveAlert")
            .WithSummary("Resolves an open or acknowledged alert by hand (comment optional). If its cause is still there, the next recompute raises a new one.")
            .RequireAuthorization(Policies.Write);
    }

    private static AlertResponse ToResponse(Alert a, string? engagementName) => new(
        a.Id, a.Subject, a.Kind, a.EngagementId, engagementName, a.Severity, a.Message, a.Status, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy,
        a.Comment, a.ResolvedAt, a.ResolvedBy);

    private static async Task<Results<Ok<Page<AlertResponse>>, ValidationProblem>> List(
        RiskDb db, string? status, string? kind, Guid? engagementId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (status is not null && status is not (AlertStatuses.Open or AlertStatuses.Acknowledged or AlertStatuses.Resolved))
        {
            errors.Add("status", "must be open, acknowledged or resolved.");
        }

        if (kind is not null && !AlertKinds.All.Contains(kind))
        {
            errors.Add("kind", $"must be one of {string.Join(", ", AlertKinds.All)}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Alerts.AsQueryable();
        query = status is null ? query : query.Where(a => a.Status == status);
        query = kind is null ? query : query.Where(a => a.Kind == kind);
        query = engagementId is null ? query : query.Where(a => a.EngagementId == engagementId);
        var named = from a in query
                    join e in db.Engagements on a.EngagementId equals (Guid?)e.Id into engagements
                    from e in engagements.DefaultIfEmpty()
                    select new { Alert = a, EngagementName = e == null ? null : e.Name };
        var result = await named.OrderByDescending(r => r.Alert.RaisedAt).ThenBy(r => r.Alert.Id).ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<AlertResponse>(
            [.. result.Items.Select(r => ToResponse(r.Alert, r.EngagementName))], result.PageNumber, result.PageSize, result.TotalCount));
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound>> Get(Guid alertId, RiskDb db, CancellationToken cancellationToken) =>
        await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken) is { } alert
            ? TypedResults.Ok(ToResponse(alert, await EngagementNameAsync(db, alert, cancellationToken)))
            : TypedResults.NotFound();

    private static Task<string?> EngagementNameAsync(RiskDb db, Alert alert, CancellationToken cancellationToken) =>
        alert.EngagementId is { } id
            ? db.Engagements.Where(e => e.Id == id).Select(e => (string?)e.Name).SingleOrDefaultAsync(cancellationToken)
            : Task.FromResult<string?>(null);

    private static async Task<Results<Ok<AlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Acknowledge(
        Guid alertId, AlertActionRequest? request, RiskDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("comment", request?.Comment, MaxCommentLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }

        var updated = await db.Alerts
            .Where(a => a.Id == alertId && a.Status == AlertStatuses.Open)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, AlertStatuses.Acknowledged)
                    .SetProperty(a => a.AcknowledgedAt, clock.GetUtcNow())
                    .SetProperty(a => a.AcknowledgedBy, Who(user))
                    .SetProperty(a => a.Comment, request!.Comment!.Trim()),
                cancellationToken);
        if (updated == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Only an open alert can be acknowledged; this one is {alert.Status}.");
        }

        await db.Entry(alert).ReloadAsync(cancellationToken);
        Audit(db, alert, "acknowledged", user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(alert, await EngagementNameAsync(db, alert, cancellationToken)));
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Resolve(
        Guid alertId, AlertActionRequest? request, RiskDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Comment is { Length: > MaxCommentLength })
        {
            var errors = new ValidationErrors();
            errors.Add("comment", $"must be at most {MaxCommentLength} characters.");
            return errors.ToProblem();
        }

        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }

        // One conditional update: of two resolves at once, the second waits for the first's row lock,
        // then finds the alert resolved and answers 409, so the event is published once.
        var comment = string.IsNullOrWhiteSpace(request?.Comment) ? alert.Comment : request.Comment.Trim();
        var updated = await db.Alerts
            .Where(a => a.Id == alertId && a.Status != AlertStatuses.Resolved)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, AlertStatuses.Resolved)
                    .SetProperty(a => a.ResolvedAt, clock.GetUtcNow())
                    .SetProperty(a => a.ResolvedBy, Who(user))
                    .SetProperty(a => a.Comment, comment),
                cancellationToken);
        if (updated == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The alert is already resolved.");
        }

        await db.Entry(alert).ReloadAsync(cancellationToken);
        db.AddEvent(new RiskAlertResolved
        {
            TenantId = alert.TenantId,
            AlertId = alert.Id,
            Subject = alert.Subject,
            EngagementId = alert.EngagementId,
            Kind = alert.Kind,
            ResolvedBy = alert.ResolvedBy!,
        });
        Audit(db, alert, "resolved", user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(alert, await EngagementNameAsync(db, alert, cancellationToken)));
    }

    private static void Audit(RiskDb db, Alert alert, string action, ClaimsPrincipal user) =>
        db.AddAudit("risk", alert.TenantId, "alert", alert.Id.ToString(), alert.Message, action, AuditActor.From(user),
            (action == "resolved" ? alert.ResolvedAt : alert.AcknowledgedAt) ?? DateTimeOffset.UtcNow,
            [new AuditFieldChange("comment", null, alert.Comment)]);

    private static string Who(ClaimsPrincipal user) =>
        user.FindFirst(TenantClaims.Email)?.Value ?? user.FindFirst(TenantClaims.Subject)?.Value ?? "unknown";
}
