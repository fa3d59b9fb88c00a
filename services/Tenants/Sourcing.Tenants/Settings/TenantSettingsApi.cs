using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

namespace Sourcing.Tenants.Settings;

/// <summary>The caller's own tenant and its settings.</summary>
public static class TenantSettingsApi
{
    public static IEndpointRouteBuilder MapTenantSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/tenant")
            .WithTags("Tenant")
            .WithTenantTransaction<TenantsDb, RouteGroupBuilder>();

        api.MapGet("", GetTenant)
            .WithName("GetTenant")
            .WithSummary("The caller's tenant with all its settings; the ETag is its version.")
            .RequireAuthorization(Policies.Read);

        api.MapPut("settings", UpdateSettings)
            .WithName("UpdateTenantSettings")
            .WithSummary("Replaces the tenant's settings (admins). Send If-Match with the ETag to refuse a stale update (412).")
            .RequireAuthorization(Policies.Admin);

        api.MapPatch("settings", PatchSettings)
            .WithName("PatchTenantSettings")
            .WithSummary("Changes some of the tenant's settings (admins) with a JSON Merge Patch (RFC 7396, application/merge-patch+json): "
                + "members sent replace, nested objects merge, null removes (a score setting returns to DOMAIN's default; a required setting is then missing: 400). "
                + "The same validation and If-Match (412) as PUT.")
            .Accepts<TenantSettingsRequest>(JsonMergePatch.MediaType)
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Results<Ok<TenantResponse>, NotFound>> GetTenant(
        TenantsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = tenant.ETag;
        return TypedResults.Ok(TenantResponse.From(tenant));
    }

    public static async Task<Results<Ok<TenantResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateSettings(
        TenantSettingsRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        TenantsDb db,
        ITenantContext tenantContext,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, tenant.ETag, "tenant's settings") is { } stale)
        {
            return stale;
        }

        return await SaveAsync(tenant, request, db, tenantContext, clock, http, cancellationToken);
    }

    public static async Task<Results<Ok<TenantResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PatchSettings(
        [FromHeader(Name = "If-Match")] string? ifMatch,
        TenantsDb db,
        ITenantContext tenantContext,
        TimeProvider clock,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!JsonMergePatch.IsMergePatch(http.Request.ContentType))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request's content type is not supported.",
                detail: $"Content-Type must be {JsonMergePatch.MediaType} (RFC 7396).");
        }

        // Parsed as nodes, the patch's strings are not checked the way a PUT body's are while it is read:
        // bytes that are not UTF-8 would be stored as U+FFFD, so they are refused here first.
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancellationToken);
        if (!Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
        {
            throw new BadHttpRequestException("The merge patch is not UTF-8 text.", StatusCodes.Status400BadRequest);
        }

        body.Position = 0;
        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The merge patch is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }

        if (patch is not JsonObject)
        {
            var errors = new ValidationErrors();
            errors.Add("body", "must be a JSON object (a merge patch of the settings).");
            return errors.ToProblem();
        }

        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(ifMatch, tenant.ETag, "tenant's settings") is { } stale)
        {
            return stale;
        }

        var options = json.Value.SerializerOptions;
        var current = JsonSerializer.SerializeToNode(TenantSettingsRequest.From(tenant.ToSettings()), options);
        TenantSettingsRequest? request;
        try
        {
            request = JsonMergePatch.Apply(current, patch).Deserialize<TenantSettingsRequest>(options);
        }
        catch (JsonException e)
        {
            // Names the field the way a bad PUT body does (ProblemExceptionHandler).
            throw new BadHttpRequestException("The merge patch does not fit the settings.", StatusCodes.Status400BadRequest, e);
        }
        catch (InvalidOperationException e)
        {
            // A string escape that is half a surrogate pair ("\ud800") parses, but reading it as text throws.
            throw new BadHttpRequestException("The merge patch holds a string that is not valid text (an unpaired surrogate escape).", StatusCodes.Status400BadRequest, e);
        }

        return await SaveAsync(tenant, request!, db, tenantContext, clock, http, cancellationToken);
    }

    /// <summary>What PUT and PATCH share: validate the whole new state, then save it and announce the changed fields, once.</summary>
    private static async Task<Results<Ok<TenantResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Tenant tenant,
        TenantSettingsRequest request,
        TenantsDb db,
        ITenantContext tenantContext,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var settings = request.Validate(errors, tenant.Version + 1);
        if (settings is null)
        {
            return errors.ToProblem();
        }

        var before = tenant.ToSettings();
        var changed = ChangedFields(before, settings);
        if (changed.Count > 0)
        {
            tenant.Apply(settings);
            tenant.Version++;
            tenant.UpdatedAt = clock.GetUtcNow();
            db.AddEvent(new TenantSettingsChanged
            {
                TenantId = tenantContext.RequiredTenantId,
                Settings = tenant.ToSettings(),
                ChangedFields = changed,
            });
            db.AddAudit(AuditSubjects.Service, tenant.TenantId, AuditSubjects.Settings, tenant.TenantId.ToString(), tenant.Name, "changed",
                AuditActor.From(http.User), tenant.UpdatedAt, AuditExtensions.DiffJson(before, tenant.ToSettings(), "version"));
            await db.SaveChangesAsync(cancellationToken);
        }

        http.Response.Headers.ETag = tenant.ETag;
        return TypedResults.Ok(TenantResponse.From(tenant));
    }

    private static List<string> ChangedFields(TenantSettings before, TenantSettings after)
    {
        var changed = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }

        Check("name", before.Name == after.Name);
        Check("hqCountry", before.HqCountry == after.HqCountry);
        Check("reportingCurrency", before.ReportingCurrency == after.ReportingCurrency);
        Check("timeZone", before.TimeZone == after.TimeZone);
        Check("workingLanguages", before.WorkingLanguages.SequenceEqual(after.WorkingLanguages));
        Check("riskWeights", before.RiskWeights == after.RiskWeights);
        Check("bandThresholds", before.BandThresholds == after.BandThresholds);
        Check("policyChecks", before.PolicyChecks == after.PolicyChecks);
        Check("notToOffshoreProcesses", before.NotToOffshoreProcesses.SequenceEqual(after.NotToOffshoreProcesses));
        Check("countryConcentrationThresholdPercent", before.CountryConcentrationThresholdPercent == after.CountryConcentrationThresholdPercent);
        Check("qualityScore", before.QualityScore == after.QualityScore);
        Check("dependencyScore", before.DependencyScore == after.DependencyScore);
        Check("geopoliticalWeights", before.GeopoliticalWeights == after.GeopoliticalWeights);
        return changed;
    }
}

public sealed record TenantResponse(
    Guid Id,
    string Name,
    string HqCountry,
    string ReportingCurrency,
    string TimeZone,
    IReadOnlyList<string> WorkingLanguages,
    RiskWeights RiskWeights,
    BandThresholds BandThresholds,
    PolicyChecks PolicyChecks,
    IReadOnlyList<string> NotToOffshoreProcesses,
    decimal CountryConcentrationThresholdPercent,
    QualityScoreSettings QualityScore,
    DependencyScoreSettings DependencyScore,
    GeopoliticalWeights GeopoliticalWeights,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TenantResponse From(Tenant t) => new(
        t.TenantId, t.Name, t.HqCountry, t.ReportingCurrency, t.TimeZone, t.WorkingLanguages,
        new RiskWeights(t.QualityWeight, t.DependencyWeight, t.GeopoliticalWeight),
        new BandThresholds(t.MediumThreshold, t.HighThreshold, t.CriticalThreshold),
        t.ToSettings().PolicyChecks, t.NotToOffshoreProcesses, t.CountryConcentrationThresholdPercent,
        t.QualityScore, t.DependencyScore, t.GeopoliticalWeights,
        t.Version, t.CreatedAt, t.UpdatedAt);
}
