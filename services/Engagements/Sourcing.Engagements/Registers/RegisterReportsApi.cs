using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.Engagements.Import;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Registers;

/// <summary>Register readiness (every member) and the outsourcing register of EBA/GL/2019/02 as CSV or XLSX (admins and vendor managers).</summary>
public static class RegisterReportsApi
{
    private static readonly IReadOnlyList<string> Formats = [ExportApi.Csv, ExportApi.Xlsx];

    public static IEndpointRouteBuilder MapRegisterReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/registers")
            .WithTags("Registers")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapGet("readiness", GetReadiness)
            .WithName("GetRegisterReadiness")
            .WithSummary("Per template and per register on a reference date (default: 31 December of last year): the rows each will have, the blocking violations, and every missing or invalid field with a link to the record to fix.")
            .RequireAuthorization(Policies.Read);
        api.MapGet("outsourcing", ExportOutsourcing)
            .WithName("ExportOutsourcingRegister")
            .WithSummary("The outsourcing register (EBA/GL/2019/02 §54-55: every arrangement in force on the reference date, intra-group marked, the §55 fields for critical or important functions) as CSV or XLSX (?format=xlsx).")
            .RequireAuthorization(Policies.Write);
        return app;
    }

    public static async Task<Results<Ok<RegisterReadinessResponse>, ValidationProblem>> GetReadiness(
        string? referenceDate, EngagementsDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var date = DoraExportApi.ReferenceDate(errors, referenceDate, now);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var data = await RegisterData.LoadAsync(db, date, cancellationToken);
        return TypedResults.Ok(await RegisterReadiness.AssessAsync(data, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportOutsourcing(
        string? referenceDate, string? format, EngagementsDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var date = DoraExportApi.ReferenceDate(errors, referenceDate, clock.GetUtcNow());
        if (format is not null)
        {
            errors.OneOf("format", format, Formats);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var data = await RegisterData.LoadAsync(db, date, cancellationToken);
        var rows = OutsourcingRegister.Rows(data, await data.Arrangements.ToListAsync(cancellationToken));
        var name = $"outsourcing-register-{DoraRegisterBuilder.Date(date)}";
        return format == ExportApi.Xlsx
            ? TypedResults.File(SpreadsheetFile.Write(OutsourcingRegister.Columns, rows), SpreadsheetFile.ContentType, $"{name}.xlsx")
            : TypedResults.File(ExportApi.CsvBytes(OutsourcingRegister.Columns, rows), "text/csv; charset=utf-8", $"{name}.csv");
    }
}
