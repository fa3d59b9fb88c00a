using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Engagements.Import;

/// <summary>
/// CSV export with the import's columns (engagements add read-only classification columns). Cells
/// that start with = + - @ (or a tab or carriage return) are prefixed with ' so that a spreadsheet
/// shows them as text instead of running them as formulas.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/exports")
            .WithTags("Export")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapGet("providers", ExportProviders)
            .WithName("ExportProviders")
            .WithSummary("The tenant's providers as CSV (UTF-8), in the import's columns.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("engagements", ExportEngagements)
            .WithName("ExportEngagements")
            .WithSummary("The tenant's engagements matching the list's filters as CSV (UTF-8), in the import's columns plus the read-only classification.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<FileContentHttpResult> ExportProviders(EngagementsDb db, CancellationToken cancellationToken)
    {
        var providers = await db.Providers.AsNoTracking().Where(p => p.DeletedAt == null).OrderBy(p => p.LegalName).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return Csv("providers.csv", CsvSchemas.Providers.All, providers.Select(CsvSchemas.ProviderCells));
    }

    public static async Task<FileContentHttpResult> ExportEngagements(
        [AsParameters] EngagementFilter filter, EngagementsDb db, CancellationToken cancellationToken)
    {
        var engagements = await filter.Order(filter.Apply(db.Engagements.AsNoTracking())).ToListAsync(cancellationToken);
        return Csv("engagements.csv", CsvSchemas.Engagements.All, engagements.Select(CsvSchemas.EngagementCells));
    }

    private static FileContentHttpResult Csv(string name, IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var buffer = new MemoryStream();
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };
        using (var writer = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            foreach (var column in header)
            {
                writer.WriteField(column);
            }

            writer.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    writer.WriteField(cell);
                }

                writer.EndRecord();
            }
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", name);
    }
}
