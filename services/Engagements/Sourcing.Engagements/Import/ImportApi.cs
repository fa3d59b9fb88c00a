using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Errors;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Import;

/// <summary>
/// CSV import of providers and engagements. A dry run reports every bad row and writes nothing; a
/// real run writes every row or, when any is bad, none. Progress: send an <c>Import-Id</c> header
/// (a GUID of your choosing) and poll <c>GET /api/imports/{id}</c> while the upload runs.
/// </summary>
public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/imports")
            .WithTags("Import")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();

        api.MapPost("providers", ImportProviders)
            .WithName("ImportProviders")
            .WithSummary("Imports providers from a CSV body (UTF-8, header row; at most 50 MiB, 413 above). ?dryRun=true validates only. A row with an id updates that provider.")
            .WithMaxRequestBodySize(Limits.ImportBytes)
            .RequireAuthorization(Policies.Write);
        api.MapPost("engagements", ImportEngagements)
            .WithName("ImportEngagements")
            .WithSummary("Imports engagements from a CSV body (UTF-8, header row; at most 50 MiB, 413 above). ?dryRun=true validates only. A row with an id updates that engagement.")
            .WithMaxRequestBodySize(Limits.ImportBytes)
            .RequireAuthorization(Policies.Write);
        api.MapGet("{id:guid}", GetImport)
            .WithName("GetImport")
            .WithSummary("An import's progress (rows processed of the total, phase) and outcome.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<ImportJobResponse>, NotFound>> GetImport(Guid id, EngagementsDb db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ImportJobResponse(
                job.Id, job.Kind, job.DryRun, job.Status, job.Phase, job.SizeBytes, job.TotalRows, job.ProcessedRows, job.Created,
                job.Updated, job.ErrorCount, job.StartedBy, job.StartedAt, job.FinishedAt));
    }

    public static Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportProviders(
        bool? dryRun, [FromHeader(Name = "Import-Id")] Guid? importId, [AsParameters] ImportServices services, CancellationToken cancellationToken) =>
        RunAsync("providers", CsvSchemas.Providers, dryRun ?? false, importId, services, new ProviderImporter(services.Db, services.Clock), cancellationToken);

    public static Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportEngagements(
        bool? dryRun, [FromHeader(Name = "Import-Id")] Guid? importId, [AsParameters] ImportServices services, CancellationToken cancellationToken) =>
        RunAsync("engagements", CsvSchemas.Engagements, dryRun ?? false, importId, services, new EngagementImporter(services.Db, services.Clock), cancellationToken);

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> RunAsync(
        string kind, CsvColumns columns, bool dryRun, Guid? importId, ImportServices services, IImporter importer, CancellationToken cancellationToken)
    {
        var http = services.Http;
        var job = new ImportJob
        {
            TenantId = services.Tenant.RequiredTenantId,
            Id = importId ?? Guid.CreateVersion7(),
            Kind = kind,
            DryRun = dryRun,
            Status = "running",
            Phase = "reading",
            SizeBytes = http.Request.ContentLength ?? 0,
            StartedBy = Actor.From(http.User).Id,
            StartedAt = services.Clock.GetUtcNow(),
        };
        if (await services.Db.ImportJobs.AnyAsync(j => j.Id == job.Id, cancellationToken))
        {
            var taken = new ValidationErrors();
            taken.Add("Import-Id", "an import with this id exists already: choose a new GUID.");
            return taken.ToProblem();
        }

        await services.Progress.SaveAsync(job, cancellationToken);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        job.SizeBytes = bytes.Length;

        var errors = new ValidationErrors();
        var rows = CsvFile.Read(bytes, columns, errors);
        if (rows is null)
        {
            await Finish(job, "failed", services, cancellationToken);
            return errors.ToProblem();
        }

        job.TotalRows = rows.Count;
        job.Phase = "validating";
        await services.Progress.SaveAsync(job, cancellationToken);
        var prepared = await importer.PrepareAsync(rows, http, cancellationToken);
        if (prepared is not null)
        {
            return prepared;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            importer.Validate(rows[i]);
            if ((i + 1) % ProgressEvery == 0)
            {
                job.ProcessedRows = i + 1;
                await services.Progress.SaveAsync(job, cancellationToken);
            }
        }

        var bad = rows.SelectMany(r => r.Errors).OrderBy(e => e.Line).ToList();
        job.ProcessedRows = rows.Count;
        job.ErrorCount = bad.Count;
        if (bad.Count > 0)
        {
            await Finish(job, "failed", services, cancellationToken);
            var problem = new ValidationErrors();
            foreach (var e in bad)
            {
                problem.Add($"line {e.Line}, column {e.Column}", e.Value is null ? e.Rule : $"{e.Rule} (value: '{Shorten(e.Value)}')");
            }

            // A dry run that fails is 422 (the file is well formed, its rows are not), so that a
            // client checking the status alone does not take it for a success.
            return dryRun ? DryRunFailed(job, problem, bad) : problem.ToProblem();
        }

        if (!dryRun)
        {
            job.Phase = "writing";
            job.ProcessedRows = 0;
            await services.Progress.SaveAsync(job, cancellationToken);
            var actor = Actor.From(http.User);
            for (var i = 0; i < rows.Count; i++)
            {
                if (importer.Write(rows[i], actor))
                {
                    job.Created++;
                }
                else
                {
                    job.Updated++;
                }

                if ((i + 1) % ProgressEvery == 0)
                {
                    await services.Db.SaveChangesAsync(cancellationToken);
                    ForgetWritten(services.Db, importer);
                    job.ProcessedRows = i + 1;
                    await services.Progress.SaveAsync(job, cancellationToken);
                }
            }

            await services.Db.SaveChangesAsync(cancellationToken);
            job.ProcessedRows = rows.Count;
        }

        await Finish(job, "succeeded", services, cancellationToken);
        return TypedResults.Ok(new ImportResult(job.Id, kind, dryRun, job.Status, rows.Count, job.Created, job.Updated, bad));
    }

    private const int ProgressEvery = 1000;

    private static ProblemHttpResult DryRunFailed(ImportJob job, ValidationErrors problem, List<ImportError> bad) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(problem.ToDictionary(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The dry run found bad rows; nothing would be written.",
            Extensions =
            {
                ["importId"] = job.Id,
                ["kind"] = job.Kind,
                ["rows"] = job.TotalRows,
                ["rowErrors"] = bad,
            },
        });

    /// <summary>
    /// Stops tracking what is saved (but the records of rows still to write), so that each save
    /// of a large import looks at one batch rather than at everything written so far.
    /// </summary>
    private static void ForgetWritten(EngagementsDb db, IImporter importer)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Unchanged && !importer.IsPending(entry.Entity))
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private static async Task Finish(ImportJob job, string status, ImportServices services, CancellationToken cancellationToken)
    {
        job.Status = status;
        job.Phase = "done";
        job.FinishedAt = services.Clock.GetUtcNow();
        await services.Progress.SaveAsync(job, cancellationToken);
    }

    private static string Shorten(string value) => value.Length > 100 ? value[..100] + "…" : value;
}

public sealed record ImportJobResponse(
    Guid Id, string Kind, bool DryRun, string Status, string Phase, long SizeBytes, int TotalRows, int ProcessedRows, int Created,
    int Updated, int ErrorCount, string? StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

public sealed record ImportServices(EngagementsDb Db, ITenantContext Tenant, ImportProgress Progress, TimeProvider Clock, HttpContext Http);

public sealed record ImportResult(
    Guid ImportId, string Kind, bool DryRun, string Status, int Rows, int Created, int Updated, IReadOnlyList<ImportError> Errors);

/// <summary>The kind-specific steps of an import.</summary>
internal interface IImporter
{
    /// <summary>Loads what validation needs (existing rows, references); an answer to give instead when the import cannot run.</summary>
    Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>?> PrepareAsync(List<CsvRow> rows, HttpContext http, CancellationToken cancellationToken);

    /// <summary>Validates one row, adding its errors to it.</summary>
    void Validate(CsvRow row);

    /// <summary>Writes a validated row; true when it created a new record, false when it updated one.</summary>
    bool Write(CsvRow row, Actor actor);

    /// <summary>Whether the entity belongs to a row not written yet.</summary>
    bool IsPending(object entity);
}
