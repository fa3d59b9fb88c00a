using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

namespace Sourcing.Tenants.Invitations;

/// <summary>
/// Invitations (admins only): invite by e-mail with a role, list, resend (a fresh link, the old one
/// void) and revoke. The identity service sends the e-mail and holds the one-time link.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/invitations")
            .WithTags("Invitations")
            .RequireAuthorization(Policies.Admin)
            .WithTenantTransaction<TenantsDb, RouteGroupBuilder>();

        api.MapGet("", ListInvitations).WithName("ListInvitations").WithSummary("Invitations, newest first, a page at a time.");
        api.MapPost("", Invite).WithName("InviteMember").WithSummary("Invites a person by e-mail with a role.");
        api.MapPost("{id:guid}/resend", Resend).WithName("ResendInvitation").WithSummary("Sends a pending invitation again with a fresh link and expiry.");
        api.MapDelete("{id:guid}", Revoke).WithName("RevokeInvitation").WithSummary("Revokes a pending invitation; its link stops working.");
        return app;
    }

    public static async Task<Ok<Page<InvitationResponse>>> ListInvitations(
        TenantsDb db, TimeProvider clock, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var rows = await db.Invitations.OrderByDescending(i => i.CreatedAt).ToPageAsync(page, pageSize, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<InvitationResponse>(
            rows.Items.Select(i => InvitationResponse.From(i, now)).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount));
    }

    public static async Task<Results<Created<InvitationResponse>, ValidationProblem>> Invite(
        InviteRequest request,
        TenantsDb db,
        ITenantContext tenant,
        HttpContext http,
        TimeProvider clock,
        IOptions<InvitationOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Email("email", request.Email);
        if (errors.Required("role", request.Role, 32) && !Roles.TenantRoles.Contains(request.Role))
        {
            errors.Add("role", $"must be one of: {string.Join(", ", Roles.TenantRoles)}.");
        }

        var email = request.Email?.Trim().ToLowerInvariant() ?? "";
        var now = clock.GetUtcNow();
        if (!errors.Any)
        {
            if (await db.Members.AnyAsync(m => m.Email == email, cancellationToken))
            {
                errors.Add("email", "already belongs to a member of this tenant.");
            }
            else if (await db.Invitations.AnyAsync(
                i => i.Email == email && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken))
            {
                errors.Add("email", "already has a pending invitation: resend it instead.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var invitation = new Invitation
        {
            TenantId = tenant.RequiredTenantId,
            Id = Guid.CreateVersion7(),
            Email = email,
            Role = request.Role!,
            Status = InvitationStatus.Pending,
            InvitedBy = http.User.FindUserId() ?? Guid.Empty,
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.LifetimeDays),
            TimesSent = 1,
        };
        db.Invitations.Add(invitation);
        await AnnounceAsync(db, invitation, http, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/invitations/{invitation.Id}", InvitationResponse.From(invitation, now));
    }

    public static async Task<Results<Ok<InvitationResponse>, NotFound, ProblemHttpResult>> Resend(
        Guid id, TenantsDb db, HttpContext http, TimeProvider clock, IOptions<InvitationOptions> options, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        if (invitation.Status != InvitationStatus.Pending)
        {
            return NotPending(invitation);
        }

        var now = clock.GetUtcNow();
        invitation.ExpiresAt = now.AddDays(options.Value.LifetimeDays);
        invitation.TimesSent++;
        await AnnounceAsync(db, invitation, http, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InvitationResponse.From(invitation, now));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Revoke(
        Guid id, TenantsDb db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        if (invitation.Status == InvitationStatus.Revoked)
        {
            return TypedResults.NoContent();
        }

        if (invitation.Status != InvitationStatus.Pending)
        {
            return NotPending(invitation);
        }

        invitation.Status = InvitationStatus.Revoked;
        invitation.RevokedAt = clock.GetUtcNow();
        db.AddEvent(new MemberInvitationRevoked { TenantId = invitation.TenantId, InvitationId = invitation.Id });
        db.AddAudit(AuditSubjects.Service, invitation.TenantId, AuditSubjects.Invitation, invitation.Id.ToString(), invitation.Email, "revoked",
            AuditActor.From(http.User), invitation.RevokedAt.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task AnnounceAsync(TenantsDb db, Invitation invitation, HttpContext http, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tenantName = await db.Tenants.Select(t => t.Name).SingleAsync(cancellationToken);
        db.AddEvent(new MemberInvited
        {
            TenantId = invitation.TenantId,
            InvitationId = invitation.Id,
            Email = invitation.Email,
            Role = invitation.Role,
            TenantName = tenantName,
            InvitedByName = http.User.Identity?.Name ?? "An administrator",
            ExpiresAt = invitation.ExpiresAt,
        });
        db.AddAudit(AuditSubjects.Service, invitation.TenantId, AuditSubjects.Invitation, invitation.Id.ToString(), invitation.Email,
            invitation.TimesSent > 1 ? "resent" : "sent", AuditActor.From(http.User), now,
            [new AuditFieldChange("role", null, invitation.Role)]);
    }

    private static ProblemHttpResult NotPending(Invitation invitation) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The invitation is no longer pending.",
            detail: $"It was {invitation.Status.ToString().ToLowerInvariant()}.");
}

public sealed record InviteRequest(
    [property: Required, MaxLength(254)] string? Email,
    [property: Required, OneOf(typeof(Roles), nameof(Roles.TenantRoles))] string? Role);

public sealed record InvitationResponse(
    Guid Id, string Email, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int TimesSent, DateTimeOffset? AcceptedAt)
{
    public static InvitationResponse From(Invitation i, DateTimeOffset now) =>
        new(i.Id, i.Email, i.Role, i.StatusAt(now), i.CreatedAt, i.ExpiresAt, i.TimesSent, i.AcceptedAt);
}
