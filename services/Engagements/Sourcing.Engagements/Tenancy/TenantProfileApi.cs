using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Engagements.Tenancy;

/// <summary>What this service knows of the caller's tenant (its copy of the settings that classification and the checks use).</summary>
public static class TenantProfileApi
{
    public static IEndpointRouteBuilder MapTenantProfileApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/engagement-settings", GetProfile)
            .WithTags("Tenant")
            .WithName("GetEngagementSettings")
            .WithSummary("The tenant's HQ country, time zone, languages and policy switches as this service last received them (404 until the first event arrived).")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<EngagementsDb, RouteHandlerBuilder>();
        return app;
    }

    public static async Task<Results<Ok<TenantProfileResponse>, NotFound>> GetProfile(EngagementsDb db, CancellationToken cancellationToken)
    {
        var t = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        return t is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new TenantProfileResponse(
                t.TenantId, t.Name, t.HqCountry, t.TimeZone, t.ReportingCurrency, t.WorkingLanguages, t.NotToOffshoreProcesses,
                t.CheckNotAdvisableToOffshore, t.CheckSensitiveDataWithoutCertification, t.CheckSingleSourcedCriticalProcess,
                t.CheckCoreProcessOutsourced, t.Version));
    }
}

public sealed record TenantProfileResponse(
    Guid TenantId,
    string Name,
    string HqCountry,
    string TimeZone,
    string ReportingCurrency,
    IReadOnlyList<string> WorkingLanguages,
    IReadOnlyList<string> NotToOffshoreProcesses,
    bool CheckNotAdvisableToOffshore,
    bool CheckSensitiveDataWithoutCertification,
    bool CheckSingleSourcedCriticalProcess,
    bool CheckCoreProcessOutsourced,
    int Version);
