using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.Messaging;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Digests;

public sealed record SubscriptionResponse(
    Guid Id, Guid UserId, string Email, string Frequency, int DayOfWeek, int DayOfMonth, string LocalTime, string TimeZone,
    string MinBand, string Scope, bool Paused, bool SendEmpty, DateTimeOffset? UnsubscribedAt, DateTimeOffset NextDueAt, DateTimeOffset? LastPeriodEnd);

/// <summary>The whole subscription; dayOfWeek (1 Monday to 7 Sunday) counts for weekly, dayOfMonth (1 to 28) for monthly.</summary>
public sealed record SubscriptionRequest(
    [property: OneOf(typeof(DigestFrequencies)), MaxLength(16)] string? Frequency,
    [property: Range(1, 7)] int? DayOfWeek,
    [property: Range(1, 28)] int? DayOfMonth,
    [property: MaxLength(8), RegularExpression("^[0-9]{2}:[0-9]{2}$")] string? LocalTime,
    [property: MaxLength(64)] string? TimeZone,
    [property: OneOf(typeof(DigestBands)), MaxLength(16)] string? MinBand,
    [property: OneOf(typeof(DigestScopes), nameof(DigestScopes.Values)), MaxLength(16)] string? Scope,
    bool? Paused,
    bool? SendEmpty);

public sealed record DeliveryResponse(
    Guid SubscriptionId, string Recipient, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, bool Empty, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, string Status);

public sealed record DigestRunResponse(int Tenants, int Queued, int Empty, int Conflicts);

/// <summary>The digest as it would be sent now; the chart is inline as a data: URI instead of a cid: part.</summary>
public sealed record DigestPreviewResponse(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, bool Empty, string Subject, string Html, string Text);

/// <summary>Digest subscriptions: one's own (read, change), the admin's view of who receives what and of failing deliveries, one-click unsubscribe.</summary>
public static class DigestsApi
{
    public static void MapDigestsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk/digests")
            .WithTags("Digests")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/subscription", GetOwn).WithName("GetMyDigestSubscription")
            .WithSummary("Your digest subscription (vendor managers get one when they join), with when the next digest is due.");
        group.MapPut("/subscription", PutOwn).WithName("PutMyDigestSubscription")
            .WithSummary("Sets your digest subscription: frequency (daily, weekly, monthly), day, local time (HH:mm), IANA time zone, minimum band, scope (mine, all), paused, sendEmpty. Clears an unsubscribe.");
        group.MapGet("/subscription/preview", Preview).WithName("PreviewMyDigest")
            .WithSummary("Your next digest as it would be sent now (the period since your last one, in your scope and band): subject, HTML and text. Sends nothing.");
        group.MapGet("/subscriptions", List).WithName("ListDigestSubscriptions")
            .WithSummary("Who receives which digest (admins).")
            .RequireAuthorization(Policies.Admin);
        group.MapGet("/deliveries", Deliveries).WithName("ListDigestDeliveries")
            .WithSummary("Digest deliveries, newest first, with the e-mail's state; status=failing lists those the SMTP server has refused so far (admins).")
            .RequireAuthorization(Policies.Admin);
        // Operators' door: across tenants, so outside the tenant group (a platform admin holds no tenant role).
        app.MapPost("/api/risk/digests/run", Run).WithTags("Digests").WithName("RunDueDigests")
            .WithSummary("Queues the digests due now, across tenants, as the recurring job does (platform admins).")
            .RequireAuthorization(Policies.PlatformAdmin);

        var open = app.MapGroup("/api/risk/digests/unsubscribe").WithTags("Digests").AllowAnonymous();
        open.MapGet("/", Unsubscribe).WithName("UnsubscribeFromDigests")
            .WithSummary("The signed one-click link of every digest e-mail: unsubscribes, once; a changed token is refused.");
        open.MapPost("/", Unsubscribe).WithName("UnsubscribeFromDigestsOneClick")
            .WithSummary("RFC 8058 one-click unsubscribe (List-Unsubscribe-Post), the same as the link.")
            .DisableAntiforgery();
    }

    private static SubscriptionResponse ToResponse(DigestSubscription s) => new(
        s.Id, s.UserId, s.Email, s.Frequency, s.DayOfWeek, s.DayOfMonth, s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), s.TimeZone,
        s.MinBand, s.Scope, s.Paused, s.SendEmpty, s.UnsubscribedAt, s.NextDueAt, s.LastPeriodEnd);

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetOwn(RiskDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindUserId();
        return await db.DigestSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken) is { } s
            ? TypedResults.Ok(ToResponse(s))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "You have no digest subscription; PUT one to start receiving digests.");
    }

    private static async Task<Results<Ok<DigestPreviewResponse>, ProblemHttpResult>> Preview(
        RiskDb db, ClaimsPrincipal user, ITenantContext tenant, DigestRun run, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.FindUserId();
        if (await db.DigestSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken) is not { } subscription)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "You have no digest subscription; PUT one to start receiving digests.");
        }

        var (start, end) = (DigestRun.PeriodStart(subscription), clock.GetUtcNow());
        var snapshot = await DigestRun.LoadAsync(db, start, cancellationToken);
        var previous = await db.DigestDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription.Id)
            .OrderByDescending(d => d.PeriodEnd).Select(d => d.Counts).FirstOrDefaultAsync(cancellationToken);
        var model = DigestComposer.Compose(snapshot, subscription, start, end, previous);
        var rendered = DigestRenderer.Render(model, run.Links(tenant.RequiredTenantId, subscription));
        var html = rendered.Images.Aggregate(rendered.Html, (h, image) =>
            h.Replace($"cid:{image.ContentId}", $"data:{TrendChart.MediaType};base64,{Convert.ToBase64String(image.Png)}", StringComparison.Ordinal));
        return TypedResults.Ok(new DigestPreviewResponse(start, end, model.IsEmpty, rendered.Subject, html, rendered.Text));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ValidationProblem, ProblemHttpResult>> PutOwn(
        SubscriptionRequest? request, RiskDb db, ClaimsPrincipal user, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var frequency = request?.Frequency;
        if (frequency is null || !DigestFrequencies.All.Contains(frequency))
        {
            errors.Add("frequency", "must be daily, weekly or monthly.");
        }

        if (request?.DayOfWeek is { } dow && dow is < 1 or > 7)
        {
            errors.Add("dayOfWeek", "must be between 1 (Monday) and 7 (Sunday).");
        }

        if (request?.DayOfMonth is { } dom && dom is < 1 or > 28)
        {
            errors.Add("dayOfMonth", "must be between 1 and 28 (a day every month has).");
        }

        TimeOnly localTime = default;
        if (request?.LocalTime is not { } lt
            || !TimeOnly.TryParseExact(lt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out localTime))
        {
            errors.Add("localTime", "must be a time of day as HH:mm, from 00:00 to 23:59.");
        }

        if (request?.TimeZone is not { } zone || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            errors.Add("timeZone", "must be an IANA time-zone id, such as Europe/Berlin.");
        }

        if (request?.MinBand is not { } band || !DigestBands.All.Contains(band))
        {
            errors.Add("minBand", "must be low, medium, high or critical.");
        }

        if (request?.Scope is not { } scope || !DigestScopes.Values.Contains(scope))
        {
            errors.Add("scope", "must be mine or all.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var userId = user.FindUserId();
        if (userId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a member (a user token) has a digest subscription.");
        }

        var now = clock.GetUtcNow();
        var s = await db.DigestSubscriptions.SingleOrDefaultAsync(x => x.UserId == userId, cancellationToken);
        if (s is null)
        {
            var email = user.FindFirst(TenantClaims.Email)?.Value ?? "";
            if (!IsoCodes.IsEmail(email))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your token carries no e-mail address to send digests to.");
            }

            s = MemberCopy.DefaultSubscription(tenant.RequiredTenantId, userId.Value, email, user.FindFirst(TenantClaims.Name)?.Value ?? email, null, now);
            db.DigestSubscriptions.Add(s);
        }

        s.Frequency = request!.Frequency!;
        s.DayOfWeek = request.DayOfWeek ?? 1;
        s.DayOfMonth = request.DayOfMonth ?? 1;
        s.LocalTime = localTime;
        s.TimeZone = request.TimeZone!;
        s.MinBand = request.MinBand!;
        s.Scope = request.Scope!;
        s.Paused = request.Paused ?? false;
        s.SendEmpty = request.SendEmpty ?? false;
        s.UnsubscribedAt = null;
        s.NextDueAt = DigestSchedule.NextAfter(DigestRule.Of(s), Instant.FromDateTimeOffset(now)).ToDateTimeOffset();
        s.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(s));
    }

    private static async Task<Results<Ok<Page<SubscriptionResponse>>, ValidationProblem>> List(
        RiskDb db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Paging.Validate(errors, page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var result = await db.DigestSubscriptions.AsNoTracking().OrderBy(s => s.Email).ThenBy(s => s.Id).ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<SubscriptionResponse>([.. result.Items.Select(ToResponse)], result.PageNumber, result.PageSize, result.TotalCount));
    }

    private static async Task<Results<Ok<Page<DeliveryResponse>>, ValidationProblem>> Deliveries(
        RiskDb db, [OneOf(typeof(DeliveryStatuses))][MaxLength(16)] string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Paging.Validate(errors, page, pageSize);
        if (status is not null && !DeliveryStatuses.All.Contains(status))
        {
            errors.Add("status", "must be queued, sent, failing, failed or empty.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var rows = from d in db.DigestDeliveries.AsNoTracking()
                   join e in db.OutgoingEmails.AsNoTracking() on d.EmailId equals (Guid?)e.Id into emails
                   from e in emails.DefaultIfEmpty()
                   select new { d, e };
        rows = status switch
        {
            DeliveryStatuses.Empty => rows.Where(r => r.e == null),
            DeliveryStatuses.Sent => rows.Where(r => r.e != null && r.e.SentAt != null),
            DeliveryStatuses.Queued => rows.Where(r => r.e != null && r.e.SentAt == null && r.e.Attempts == 0),
            DeliveryStatuses.Failing => rows.Where(r => r.e != null && r.e.SentAt == null && r.e.Attempts > 0 && r.e.NextAttemptAt != null),
            DeliveryStatuses.Failed => rows.Where(r => r.e != null && r.e.SentAt == null && r.e.NextAttemptAt == null),
            _ => rows,
        };
        var result = await rows.OrderByDescending(r => r.d.CreatedAt).ThenBy(r => r.d.SubscriptionId).ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new Page<DeliveryResponse>(
            [.. result.Items.Select(r => new DeliveryResponse(
                r.d.SubscriptionId, r.d.Recipient, r.d.PeriodStart, r.d.PeriodEnd, r.d.Empty, r.d.CreatedAt,
                r.e?.SentAt ?? r.d.SentAt, r.e?.Attempts ?? 0, r.e?.LastError, r.e?.NextAttemptAt, DeliveryStatuses.Of(r.e)))],
            result.PageNumber, result.PageSize, result.TotalCount));
    }

    private static async Task<Ok<DigestRunResponse>> Run(DigestRun run, CancellationToken cancellationToken)
    {
        var result = await run.RunAsync(cancellationToken);
        return TypedResults.Ok(new DigestRunResponse(result.Tenants, result.Queued, result.Empty, result.Conflicts));
    }

    /// <summary>
    /// Unsubscribes the token's subscription, once. Answers a small HTML page (it is opened from an
    /// e-mail, in a browser): 200 when done, 410 when the link was already used, 400 when it was changed.
    /// </summary>
    private static async Task<ContentHttpResult> Unsubscribe(
        [MaxLength(1000)] string? token, UnsubscribeTokens tokens, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } t)
        {
            return Page(StatusCodes.Status400BadRequest, "This unsubscribe link is not valid", "The link was changed or is incomplete. Copy the whole link from the e-mail, or change your digest settings in the portal.");
        }

        // Anonymous: the tenant comes from the verified token, set before any query (row-level security).
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(t.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<RiskDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.DigestSubscriptions
            .Where(s => s.Id == t.SubscriptionId && s.UnsubscribeNonce == t.Nonce)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.UnsubscribedAt, clock.GetUtcNow())
                    .SetProperty(s => s.UnsubscribeNonce, Guid.NewGuid())
                    .SetProperty(s => s.Version, s => s.Version + 1),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated == 1
            ? Page(StatusCodes.Status200OK, "You are unsubscribed", "You will receive no more risk digests or alert e-mails. To receive them again, change your digest settings in the portal.")
            : Page(StatusCodes.Status410Gone, "This link was already used", "This unsubscribe link works once and has been used (or the subscription changed since). Your digest settings are in the portal.");
    }

    private static ContentHttpResult Page(int status, string title, string text) => TypedResults.Content(
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>"
        + $"<body style=\"font-family:Arial,sans-serif;max-width:600px;margin:40px auto;padding:0 16px\"><h1 style=\"font-size:22px\">{title}</h1><p>{text}</p></body></html>",
        "text/html; charset=utf-8",
        statusCode: status);
}

/// <summary>The state of a delivery's e-mail.</summary>
public static class DeliveryStatuses
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failing = "failing";
    public const string Failed = "failed";
    public const string Empty = "empty";
    public static readonly IReadOnlyList<string> All = [Queued, Sent, Failing, Failed, Empty];

    public static string Of(ServiceDefaults.Email.OutgoingEmail? e) =>
        e is null ? Empty : e.SentAt is not null ? Sent : e.NextAttemptAt is null ? Failed : e.Attempts > 0 ? Failing : Queued;
}
