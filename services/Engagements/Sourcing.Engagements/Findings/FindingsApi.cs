using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;

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
            .WithSummary("Every current finding of the tenant's planned and active engagements (optionally of one check or one engagement), computed from the current data.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<Finding>>> ListFindings(
        EngagementsDb db, TimeProvider clock, string? check, Guid? engagementId, CancellationToken cancellationToken)
    {
        var findings = await FindingsQuery.EvaluateAsync(db, clock, engagementId, cancellationToken);
        IReadOnlyList<Finding> result = [.. findings
            .Where(f => string.IsNullOrWhiteSpace(check) || f.Check == check)
            .OrderBy(f => f.EngagementName).ThenBy(f => f.Check)];
        return TypedResults.Ok(result);
    }
}
