using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
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
    DateTimeOffset? ResolvedAt, string? ResolvedBy,
    Guid? AssigneeUserId, string? AssigneeName, DateOnly? DueOn, bool Overdue);

public sealed record AlertActionRequest([property: MaxLength(AlertsApi.MaxCommentLength)] string? Comment);

/// <summary>Who is to act on an alert and by when; null clears either.</summary>
public sealed record AlertAssignmentRequest(Guid? AssigneeUserId, DateOnly? DueOn);

/// <summary>One action on many alerts: acknowledge (comment required), resolve (comment optional) or assign.</summary>
public sealed record AlertBulkRequest(
    [property: Required, MinLength(1), MaxLength(AlertsApi.MaxBulk)] IReadOnlyList<Guid>? AlertIds,
    [property: Required, OneOf(typeof(AlertBulkActions))] string? Action,
    [property: MaxLength(AlertsApi.MaxCommentLength)] string? Comment,
    Guid? AssigneeUserId,
    DateOnly? DueOn);

/// <summary>An alert a bulk action left as it was, and why (for example: already resolved).</summary>
public sealed record AlertBulkSkip(Guid Id, string Reason);

/// <summary>A member an alert can be assigned to.</summary>
public sealed record AssigneeResponse(Guid UserId, string Name, string Email, string Role);

public sealed record AlertBulkResponse(IReadOnlyList<AlertResponse> Changed, IReadOnlyList<AlertBulkSkip> Skipped);

public static class AlertBulkActions
{
    public const string Acknowledge = "acknowledge";
    public const string Resolve = "resolve";
    public const string Assign = "assign";

    public static readonly IReadOnlyList<string> All = [Acknowledge, Resolve, Assign];
}

/// <summary>Alerts: list, read, acknowledge with a comment, resolve, assign with a due date, and each of these on many at once.</summary>
public static class AlertsApi
{
    public const int MaxCommentLength = 2000;

    /// <summary>The most alerts one bulk action takes (a page of the portal's list is 25).</summary>
    public const int MaxBulk = 200;

    public static void MapAlertsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk/alerts")
            .WithTags("Alerts")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/", List).WithName("ListAlerts")
            .WithSummary("Alerts with their engagement's and assignee's names, newest first; filter by status (open, acknowledged, resolved), kind, engagement, assignee (me, none or a member's id) and overdue.");
        group.MapGet("/assignees", Assignees).WithName("ListAlertAssignees")
            .WithSummary("The members an alert can be assigned to (the company's admins and vendor managers), by name.");
        group.MapGet("/{alertId:guid}", Get).WithName("GetAlert").WithSummary("One alert.");
        group.MapPost("/{alertId:guid}/acknowledge", Acknowledge).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledges an open alert with a comment (required); it stays until its cause goes away or someone resolves it.")
            .RequireAuthorization(Policies.Write);
        group.MapPost("/{alertId:guid}/resolve", Resolve).WithName("ResolveAlert")
            .WithSummary("Resolves an open or acknowledged alert by hand (comment optional). If its cause is still there, the next recompute raises a new one.")
            .RequireAuthorization(Policies.Write);
        group.MapPut("/{alertId:guid}/assignment", Assign).WithName("AssignAlert")
            .WithSummary("Assigns an alert that is not resolved to an admin or vendor manager of the company, with a due date (today or later, in the company's time zone); null clears either.")
            .RequireAuthorization(Policies.Write);
        group.MapPost("/bulk", Bulk).WithName("ActOnAlerts")
            .WithSummary($"Acknowledges, resolves or assigns up to {MaxBulk} alerts at once. Every id must be an alert of the company, or nothing changes; alerts the action does not apply to (an acknowledged one acknowledged again, a resolved one) are left as they are and listed with the reason.")
            .RequireAuthorization(Policies.Write);
    }

    /// <summary>Alerts waiting for a member who left or can no longer act on them go back to no one.</summary>
    public static Task<int> UnassignAsync(RiskDb db, Guid userId, CancellationToken cancellationToken) =>
        db.Alerts.Where(a => a.AssigneeUserId == userId && a.Status != AlertStatuses.Resolved)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.AssigneeUserId, (Guid?)null), cancellationToken);

    /// <summary>An alert with the names it is shown with (a class with setters, so that EF can order by its members).</summary>
    private sealed class Named
    {
        public Alert Alert { get; init; } = null!;

        public string? EngagementName { get; init; }

        public string? AssigneeName { get; init; }
    }

    private static AlertResponse ToResponse(Named n, DateOnly today)
    {
        var a = n.Alert;
        return new(
            a.Id, a.Subject, a.Kind, a.EngagementId, n.EngagementName, a.Severity, a.Message, a.Status, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy,
            a.Comment, a.ResolvedAt, a.ResolvedBy, a.AssigneeUserId, n.AssigneeName, a.DueOn,
            a.DueOn is { } due && due < today && a.Status != AlertStatuses.Resolved);
    }

    /// <summary>Alerts with their engagement's name and their assignee's name (or e-mail, when the member has no name).</summary>
    private static IQueryable<Named> WithNames(RiskDb db, IQueryable<Alert> alerts) =>
        from a in alerts
        join e in db.Engagements on a.EngagementId equals (Guid?)e.Id into engagements
        from e in engagements.DefaultIfEmpty()
        join m in db.Members on a.AssigneeUserId equals (Guid?)m.UserId into members
        from m in members.DefaultIfEmpty()
        select new Named { Alert = a, EngagementName = e == null ? null : e.Name, AssigneeName = m == null ? null : m.Name != "" ? m.Name : m.Email };

    /// <summary>Today in the company's time zone (UTC until its settings have arrived).</summary>
    /// <remarks>
    /// The settings are read whole: a member of the JSON column in the query (t.Settings.TimeZone) is translated
    /// to a JSON path with the C# property's name, "TimeZone", which the camel-cased column does not have, so
    /// every company's today was UTC's.
    /// </remarks>
    private static async Task<DateOnly> TodayAsync(RiskDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var zoneId = (await db.Tenants.AsNoTracking().Select(t => t.Settings).SingleOrDefaultAsync(cancellationToken))?.TimeZone;
        var zone = (zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)) ?? DateTimeZone.Utc;
        return Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date.ToDateOnly();
    }

    private static async Task<Results<Ok<Page<AlertResponse>>, ValidationProblem>> List(
        RiskDb db, ClaimsPrincipal user, TimeProvider clock, string? status, string? kind, Guid? engagementId, string? assignee, bool? overdue,
        int? page, int? pageSize, CancellationToken cancellationToken)
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

        Guid? assigneeId = null;
        if (assignee is "me")
        {
            assigneeId = Guid.TryParse(user.FindFirst(TenantClaims.Subject)?.Value, out var me) ? me : Guid.Empty;
        }
        else if (assignee is not null and not "none")
        {
            if (Guid.TryParse(assignee, out var id))
            {
                assigneeId = id;
            }
            else
            {
                errors.Add("assignee", "must be me, none or a member's id.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var today = await TodayAsync(db, clock, cancellationToken);
        var query = db.Alerts.AsNoTracking();
        query = status is null ? query : query.Where(a => a.Status == status);
        query = kind is null ? query : query.Where(a => a.Kind == kind);
        query = engagementId is null ? query : query.Where(a => a.EngagementId == engagementId);
        query = assignee is "none" ? query.Where(a => a.AssigneeUserId == null)
            : assigneeId is null ? query
            : query.Where(a => a.AssigneeUserId == assigneeId);
        query = overdue switch
        {
            true => query.Where(a => a.DueOn < today && a.Status != AlertStatuses.Resolved),
            false => query.Where(a => a.DueOn == null || a.DueOn >= today || a.Status == AlertStatuses.Resolved),
            null => query,
        };
        var result = await WithNames(db, query).OrderByDescending(r => r.Alert.RaisedAt).ThenBy(r => r.Alert.Id).ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<AlertResponse>(
            [.. result.Items.Select(r => ToResponse(r, today))], result.PageNumber, result.PageSize, result.TotalCount));
    }

    private static async Task<Ok<AssigneeResponse[]>> Assignees(RiskDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Members.AsNoTracking()
            .Where(m => m.Role == Roles.Admin || m.Role == Roles.VendorManager)
            .OrderBy(m => m.Name).ThenBy(m => m.Email)
            .Select(m => new AssigneeResponse(m.UserId, m.Name != "" ? m.Name : m.Email, m.Email, m.Role))
            .ToArrayAsync(cancellationToken));

    private static async Task<Results<Ok<AlertResponse>, NotFound>> Get(Guid alertId, RiskDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await WithNames(db, db.Alerts.AsNoTracking().Where(a => a.Id == alertId)).SingleOrDefaultAsync(cancellationToken) is { } named
            ? TypedResults.Ok(ToResponse(named, await TodayAsync(db, clock, cancellationToken)))
            : TypedResults.NotFound();

    private static async Task<AlertResponse> ResponseAsync(RiskDb db, Guid alertId, DateOnly today, CancellationToken cancellationToken) =>
        ToResponse(await WithNames(db, db.Alerts.AsNoTracking().Where(a => a.Id == alertId)).SingleAsync(cancellationToken), today);

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

        if (await AcknowledgeAsync(db, alert, request!.Comment!.Trim(), user, clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, alertId, await TodayAsync(db, clock, cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Resolve(
        Guid alertId, AlertActionRequest? request, RiskDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        OptionalComment(errors, request?.Comment);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }

        if (await ResolveAsync(db, alert, request?.Comment, user, clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, alertId, await TodayAsync(db, clock, cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Assign(
        Guid alertId, AlertAssignmentRequest? request, RiskDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }

        var today = await TodayAsync(db, clock, cancellationToken);
        var errors = new ValidationErrors();
        var assignee = await CheckAssignmentAsync(errors, db, request?.AssigneeUserId, request?.DueOn, today, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await AssignAsync(db, alert, assignee, request?.DueOn, user, clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, alertId, today, cancellationToken));
    }

    private static async Task<Results<Ok<AlertBulkResponse>, ValidationProblem>> Bulk(
        AlertBulkRequest? request, RiskDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var ids = request?.AlertIds ?? [];
        if (ids.Count == 0)
        {
            errors.Add("alertIds", "must list at least one alert.");
        }
        else if (ids.Count > MaxBulk)
        {
            errors.Add("alertIds", $"must list at most {MaxBulk} alerts (was {ids.Count}).");
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("alertIds", "must not list an alert twice.");
        }

        if (errors.Required("action", request?.Action, 32) && !AlertBulkActions.All.Contains(request!.Action))
        {
            errors.Add("action", $"must be one of {string.Join(", ", AlertBulkActions.All)}.");
        }

        switch (request?.Action)
        {
            case AlertBulkActions.Acknowledge:
                errors.Required("comment", request.Comment, MaxCommentLength);
                break;
            case AlertBulkActions.Resolve:
                OptionalComment(errors, request.Comment);
                break;
            case AlertBulkActions.Assign when request.Comment is not null:
                errors.Add("comment", "is not taken by assign.");
                break;
            default:
                break;
        }

        if (request?.Action is not AlertBulkActions.Assign && (request?.AssigneeUserId is not null || request?.DueOn is not null))
        {
            errors.Add(request?.AssigneeUserId is not null ? "assigneeUserId" : "dueOn", "is taken only by assign.");
        }

        var today = await TodayAsync(db, clock, cancellationToken);
        var assignee = request?.Action is AlertBulkActions.Assign
            ? await CheckAssignmentAsync(errors, db, request.AssigneeUserId, request.DueOn, today, cancellationToken)
            : null;
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // Every id must be one of the company's alerts (another company's looks like none), or nothing changes.
        var alerts = await db.Alerts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var unknown = ids.Where(id => !alerts.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("alertIds", $"must be alerts of this company; {unknown.Count} {(unknown.Count == 1 ? "is" : "are")} not: {string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}.");
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        var changed = new List<Guid>();
        var skipped = new List<AlertBulkSkip>();
        foreach (var id in ids)
        {
            var alert = alerts[id];
            var refused = request!.Action switch
            {
                AlertBulkActions.Acknowledge => await AcknowledgeAsync(db, alert, request.Comment!.Trim(), user, now, cancellationToken),
                AlertBulkActions.Resolve => await ResolveAsync(db, alert, request.Comment, user, now, cancellationToken),
                _ => await AssignAsync(db, alert, assignee, request.DueOn, user, now, cancellationToken),
            };
            if (refused is null)
            {
                changed.Add(id);
            }
            else
            {
                skipped.Add(new AlertBulkSkip(id, refused));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var named = await WithNames(db, db.Alerts.AsNoTracking().Where(a => changed.Contains(a.Id))).ToDictionaryAsync(n => n.Alert.Id, cancellationToken);
        return TypedResults.Ok(new AlertBulkResponse([.. changed.Select(id => ToResponse(named[id], today))], skipped));
    }

    private static void OptionalComment(ValidationErrors errors, string? comment)
    {
        if (comment is { Length: > MaxCommentLength })
        {
            errors.Add("comment", $"must be at most {MaxCommentLength} characters.");
        }
    }

    /// <summary>The assignee must be an admin or vendor manager of the company (a viewer cannot act); the due date today or later.</summary>
    private static async Task<Member?> CheckAssignmentAsync(
        ValidationErrors errors, RiskDb db, Guid? assigneeUserId, DateOnly? dueOn, DateOnly today, CancellationToken cancellationToken)
    {
        Member? member = null;
        if (assigneeUserId is { } id)
        {
            member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == id, cancellationToken);
            if (member is null)
            {
                errors.Add("assigneeUserId", "must be a member of this company.");
            }
            else if (member.Role is not (Roles.Admin or Roles.VendorManager))
            {
                errors.Add("assigneeUserId", "must be an admin or vendor manager: a viewer cannot act on alerts.");
            }
        }

        if (dueOn is { } due && due < today)
        {
            errors.Add("dueOn", $"must be today ({today:yyyy-MM-dd}) or later.");
        }

        return member;
    }

    /// <summary>Acknowledges an open alert (one conditional update, so two at once acknowledge it once); null, or why not.</summary>
    private static async Task<string?> AcknowledgeAsync(
        RiskDb db, Alert alert, string comment, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = await db.Alerts
            .Where(a => a.Id == alert.Id && a.Status == AlertStatuses.Open)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, AlertStatuses.Acknowledged)
                    .SetProperty(a => a.AcknowledgedAt, now)
                    .SetProperty(a => a.AcknowledgedBy, Who(user))
                    .SetProperty(a => a.Comment, comment),
                cancellationToken);
        await db.Entry(alert).ReloadAsync(cancellationToken);
        if (updated == 0)
        {
            return $"Only an open alert can be acknowledged; this one is {alert.Status}.";
        }

        Audit(db, alert, "acknowledged", user, now, [new AuditFieldChange("comment", null, alert.Comment)]);
        return null;
    }

    /// <summary>
    /// Resolves an alert that is not resolved yet. One conditional update: of two resolves at once, the second
    /// waits for the first's row lock, then finds the alert resolved, so the event is published once.
    /// </summary>
    private static async Task<string?> ResolveAsync(
        RiskDb db, Alert alert, string? comment, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = string.IsNullOrWhiteSpace(comment) ? alert.Comment : comment.Trim();
        var updated = await db.Alerts
            .Where(a => a.Id == alert.Id && a.Status != AlertStatuses.Resolved)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.Status, AlertStatuses.Resolved)
                    .SetProperty(a => a.ResolvedAt, now)
                    .SetProperty(a => a.ResolvedBy, Who(user))
                    .SetProperty(a => a.Comment, kept),
                cancellationToken);
        await db.Entry(alert).ReloadAsync(cancellationToken);
        if (updated == 0)
        {
            return "The alert is already resolved.";
        }

        db.AddEvent(new RiskAlertResolved
        {
            TenantId = alert.TenantId,
            AlertId = alert.Id,
            Subject = alert.Subject,
            EngagementId = alert.EngagementId,
            Kind = alert.Kind,
            ResolvedBy = alert.ResolvedBy!,
        });
        Audit(db, alert, "resolved", user, now, [new AuditFieldChange("comment", null, alert.Comment)]);
        return null;
    }

    /// <summary>Sets who is to act on an alert that is not resolved, and by when; null, or why not.</summary>
    private static async Task<string?> AssignAsync(
        RiskDb db, Alert alert, Member? assignee, DateOnly? dueOn, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = (alert.AssigneeUserId, alert.DueOn);
        var assigneeId = assignee?.UserId;
        var updated = await db.Alerts
            .Where(a => a.Id == alert.Id && a.Status != AlertStatuses.Resolved)
            .ExecuteUpdateAsync(
                set => set.SetProperty(a => a.AssigneeUserId, assigneeId)
                    .SetProperty(a => a.DueOn, dueOn)
                    .SetProperty(a => a.AssignedAt, now)
                    .SetProperty(a => a.AssignedBy, Who(user)),
                cancellationToken);
        await db.Entry(alert).ReloadAsync(cancellationToken);
        if (updated == 0)
        {
            return "A resolved alert cannot be assigned.";
        }

        var previous = before.AssigneeUserId is { } p
            ? await db.Members.AsNoTracking().Where(m => m.UserId == p).Select(m => m.Email).SingleOrDefaultAsync(cancellationToken) ?? p.ToString()
            : null;
        Audit(db, alert, "assigned", user, now,
        [
            new AuditFieldChange("assignee", previous, assignee?.Email),
            new AuditFieldChange("dueOn", before.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);
        return null;
    }

    private static void Audit(RiskDb db, Alert alert, string action, ClaimsPrincipal user, DateTimeOffset at, IEnumerable<AuditFieldChange> changes) =>
        db.AddAudit("risk", alert.TenantId, "alert", alert.Id.ToString(), alert.Message, action, AuditActor.From(user), at, changes);

    private static string Who(ClaimsPrincipal user) =>
        user.FindFirst(TenantClaims.Email)?.Value ?? user.FindFirst(TenantClaims.Subject)?.Value ?? "unknown";
}
