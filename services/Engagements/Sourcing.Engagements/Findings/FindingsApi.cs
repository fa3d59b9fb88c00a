using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Findings;

/// <summary>The tenant's current policy and contract findings.</summary>
public static class FindingsApi
{
    public static IEndpointRouteBuilder MapFindingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/findings")
            .WithTags("Findings")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapGet("", ListFindings)
            .WithName("ListFindings")
            .WithSummary("Every current finding of the tenant's planned and active engagements (optionally of one check or one engagement), computed from the current data, a page at a time.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<Finding>>, ValidationProblem>> ListFindings(
        EngagementsDb db, TimeProvider clock, string? check, Guid? engagementId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(check))
        {
            errors.OneOf("check", check, FindingChecks.All);
        }

        Paging.Validate(errors, page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var findings = await FindingsQuery.EvaluateAsync(db, clock, engagementId, cancellationToken);
        IReadOnlyList<Finding> result = [.. findings
            .Where(f => string.IsNullOrWhiteSpace(check) || f.Check == check)
            .OrderBy(f => f.EngagementName).ThenBy(f => f.Check).ThenBy(f => f.EngagementId)];
        return TypedResults.Ok(result.ToPage(page, pageSize));
    }
}
