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

namespace Sourcing.Tenants.Members;

/// <summary>The tenant's members: everyone reads the list; admins change roles and remove people.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/members")
            .WithTags("Members")
            .WithTenantTransaction<TenantsDb, RouteGroupBuilder>();

        api.MapGet("", ListMembers)
            .WithName("ListMembers")
            .WithSummary("The tenant's members, ordered by name, a page at a time.")
            .RequireAuthorization(Policies.Read);

        api.MapPatch("{userId:guid}", ChangeRole)
            .WithName("ChangeMemberRole")
            .WithSummary("Gives a member another role (admins). Tokens carry it from the next refresh.")
            .RequireAuthorization(Policies.Admin);

        api.MapDelete("{userId:guid}", RemoveMember)
            .WithName("RemoveMember")
            .WithSummary("Removes a member (admins); the account is disabled and stops at its next token refresh.")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Ok<Page<MemberResponse>>> ListMembers(
        TenantsDb db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await db.Members
            .OrderBy(m => m.Name).ThenBy(m => m.Email)
            .Select(m => new MemberResponse(m.UserId, m.Email, m.Name, m.Role, m.JoinedAt))
            .ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<MemberResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRole(
        Guid userId, ChangeRoleRequest request, TenantsDb db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        if (errors.Required("role", request.Role, 32) && !Roles.TenantRoles.Contains(request.Role))
        {
            errors.Add("role", $"must be one of: {string.Join(", ", Roles.TenantRoles)}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (member.Role == request.Role)
        {
            return TypedResults.Ok(MemberResponse.From(member));
        }

        if (member.Role == Roles.Admin && await IsLastAdminAsync(db, member, cancellationToken))
        {
            return LastAdminConflict();
        }

        var before = member.Role;
        member.Role = request.Role!;
        db.AddEvent(new MemberRoleChanged { TenantId = tenant.RequiredTenantId, UserId = member.UserId, Role = member.Role });
        db.AddAudit(AuditSubjects.Service, tenant.RequiredTenantId, AuditSubjects.Member, member.UserId.ToString(), member.Email, "role changed",
            AuditActor.From(http.User), clock.GetUtcNow(), [new AuditFieldChange("role", before, member.Role)]);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveMember(
        Guid userId, TenantsDb db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        if (member.Role == Roles.Admin && await IsLastAdminAsync(db, member, cancellationToken))
        {
            return LastAdminConflict();
        }

        db.Members.Remove(member);
        db.AddEvent(new MemberRemoved { TenantId = tenant.RequiredTenantId, UserId = member.UserId, Email = member.Email });
        db.AddAudit(AuditSubjects.Service, tenant.RequiredTenantId, AuditSubjects.Member, member.UserId.ToString(), member.Email, "removed",
            AuditActor.From(http.User), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<bool> IsLastAdminAsync(TenantsDb db, Member member, CancellationToken cancellationToken) =>
        !await db.Members.AnyAsync(m => m.Role == Roles.Admin && m.UserId != member.UserId, cancellationToken);

    private static ProblemHttpResult LastAdminConflict() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A tenant needs at least one admin.",
            detail: "This member is the tenant's last admin: make someone else admin first.");
}

public sealed record ChangeRoleRequest([property: Required, OneOf(typeof(Roles), nameof(Roles.TenantRoles))] string? Role);

public sealed record MemberResponse(Guid UserId, string Email, string Name, string Role, DateTimeOffset JoinedAt)
{
    public static MemberResponse From(Member m) => new(m.UserId, m.Email, m.Name, m.Role, m.JoinedAt);
}
