using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Errors;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Registers;

/// <summary>The outcome of a register import (or of its dry run): what it created, or would create.</summary>
public sealed record DoraImportResult(bool DryRun, DoraImportCounts Created, IReadOnlyList<ImportRejection> Rejected);

/// <summary>Imports a DORA register package (ours or another tool's) into the tenant, all or nothing, with a dry run.</summary>
public static class DoraImportApi
{
    public static IEndpointRouteBuilder MapDoraImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/registers")
            .WithTags("Registers")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapPost("dora/import", ImportDora)
            .WithName("ImportDoraRegister")
            .WithSummary("Seeds the tenant's entities, branches, providers, captive centres and ICT arrangements from an xBRL-CSV register package (ZIP body, at most 50 MiB). ?dryRun=true reports what it would create and writes nothing; any rejected row answers 422 listing every one (template, row, column, reason) and nothing is written. Admins and vendor managers.")
            .WithMaxRequestBodySize(Limits.ImportBytes)
            .RequireAuthorization(Policies.Write);
        return app;
    }

    public static async Task<Results<Ok<DoraImportResult>, ValidationProblem, ProblemHttpResult>> ImportDora(
        bool? dryRun, EngagementsDb db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        // The handler reads the raw body, so the service-wide check of query names (which stands aside
        // for handlers that take the HttpContext) is made here: a misspelt dryRun must not import for real.
        var unknown = new ValidationErrors();
        foreach (var key in http.Request.Query.Keys.Where(k => !k.Equals(nameof(dryRun), StringComparison.OrdinalIgnoreCase)))
        {
            unknown.Add(key, "is not a parameter of this endpoint (parameters: dryRun).");
        }

        if (unknown.Any)
        {
            return unknown.ToProblem();
        }

        if (await db.Tenants.SingleOrDefaultAsync(cancellationToken) is not { } tenant)
        {
            return EngagementsApi.TenantNotKnownYet();
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var package = DoraPackageReader.Read(buffer);
        if (package.BodyProblem is { } bodyProblem)
        {
            var errors = new ValidationErrors();
            errors.Add("body", bodyProblem);
            return errors.ToProblem();
        }

        var importer = new DoraImporter(db, tenant, Actor.From(http.User), clock.GetUtcNow());
        await importer.PlanAsync(package, cancellationToken);
        var isDryRun = dryRun ?? false;
        if (importer.Rejected.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The package has rows that cannot be imported; nothing was written.",
                detail: string.Join(" ", importer.Rejected.Take(20).Select(r => $"{r.Template} row {r.Row} {r.Column}: {r.Message}")),
                extensions: new Dictionary<string, object?> { ["dryRun"] = isDryRun, ["wouldCreate"] = importer.Counts, ["rejected"] = importer.Rejected });
        }

        if (!isDryRun)
        {
            importer.Write();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new DoraImportResult(isDryRun, importer.Counts, []));
    }
}
