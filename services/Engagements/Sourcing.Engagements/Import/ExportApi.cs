using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Import;

/// <summary>
/// Exports in the import's columns, as CSV (default) or XLSX (<c>?format=xlsx</c>); engagements add
/// read-only columns a person reads (classification, provider and centre names, the current risk
/// scores and band), which an import of the file ignores. CSV cells that start with = + - @ (or a
/// tab or carriage return) are prefixed with ' so that a spreadsheet shows them as text instead of
/// running them as formulas; XLSX cells are typed (text is never a formula).
/// </summary>
public static class ExportApi
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    private static readonly IReadOnlyList<string> Formats = [Csv, Xlsx];

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/exports")
            .WithTags("Export")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapGet("providers", ExportProviders)
            .WithName("ExportProviders")
            .WithSummary("The tenant's providers as CSV (UTF-8) or XLSX (?format=xlsx), in the import's columns.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("engagements", ExportEngagements)
            .WithName("ExportEngagements")
            .WithSummary("The tenant's engagements matching the list's filters as CSV (UTF-8) or XLSX (?format=xlsx), in the import's columns plus read-only ones: classification, provider and centre names, current risk scores and band.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportProviders(
        string? format, EngagementsDb db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Validate(errors, format);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var providers = await db.Providers.AsNoTracking().Where(p => p.DeletedAt == null).OrderBy(p => p.LegalName).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return File("providers", format, CsvSchemas.Providers.All, providers.Select(CsvSchemas.ProviderCells));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportEngagements(
        [AsParameters] EngagementFilter filter, string? format, EngagementsDb db, CancellationToken cancellationToken)
    {
        var errors = filter.Validate();
        Validate(errors, format);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var engagements = await filter.Order(filter.Apply(db.Engagements.AsNoTracking())).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.LegalName, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LegalEntity, cancellationToken);
        var scores = await db.RiskScores.AsNoTracking().ToDictionaryAsync(s => s.EngagementId, cancellationToken);
        var rows = engagements.Select(e => CsvSchemas.EngagementCells(
            e,
            e.ProviderId is { } p ? providers.GetValueOrDefault(p) : null,
            e.CaptiveCentreId is { } c ? centres.GetValueOrDefault(c) : null,
            scores.GetValueOrDefault(e.Id)));
        return File("engagements", format, CsvSchemas.Engagements.All, rows);
    }

    private static void Validate(ValidationErrors errors, string? format)
    {
        if (format is not null)
        {
            errors.OneOf("format", format, Formats);
        }
    }

    private static FileContentHttpResult File(string name, string? format, IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows) =>
        format == Xlsx
            ? TypedResults.File(SpreadsheetFile.Write(header, rows), SpreadsheetFile.ContentType, $"{name}.xlsx")
            : TypedResults.File(CsvBytes(header, rows), "text/csv; charset=utf-8", $"{name}.csv");

    internal static byte[] CsvBytes(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
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

        return buffer.ToArray();
    }
}
