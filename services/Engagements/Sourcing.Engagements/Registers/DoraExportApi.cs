using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// The DORA register of information as an xBRL-CSV package. The four blocking checks run
/// first: any violation answers 422 listing each (template, row key, column) and nothing is sent.
/// Each export is written to the audit trail with its reference date and the SHA-256 of the file.
/// </summary>
public static class DoraExportApi
{
    public const string AuditSubject = "dora-register";

    public static IEndpointRouteBuilder MapDoraExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/registers")
            .WithTags("Registers")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapGet("dora", ExportDora)
            .WithName("ExportDoraRegister")
            .WithSummary("The DORA register of information (EBA taxonomy 4.0) on a reference date (default: 31 December of last year) as an xBRL-CSV ZIP package; 422 listing each blocking violation instead (empty or duplicate primary key, contract missing from B_02.01, filing indicator disagreeing with the table). Admins and vendor managers.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .RequireAuthorization(Policies.Write);
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> ExportDora(
        string? referenceDate, EngagementsDb db, ITenantContext tenant, TimeProvider clock, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var date = ReferenceDate(errors, referenceDate, now);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // The register is built as the arrangements stream from the database, each template's rows
        // written to a temporary file as they come and checked on the way (DoraRegister): memory holds
        // one arrangement, the current contract's keys and the contract references, not the register.
        var data = await RegisterData.LoadAsync(db, date, cancellationToken);
        await using var register = await DoraRegisterBuilder.BuildAsync(data, DateOnly.FromDateTime(now.UtcDateTime), write: true, each: null, cancellationToken);
        if (register.Violations.Count > 0)
        {
            return Blocked(register.Violations);
        }

        // ZipArchive finishes its entries with synchronous writes (an entry's DisposeAsync falls back to
        // Dispose, which flushes the DeflateStream), and Kestrel refuses synchronous writes to the
        // response. So the package is assembled in a temporary file from the tables' files, hashed,
        // and then copied to the response asynchronously; the file deletes itself on close.
        var name = register.PackageName(now);
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"sourcing-dora-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await DoraPackage.WriteAsync(file, register, name, cancellationToken);
        file.Position = 0;
        var checksum = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        file.Position = 0;
        var snapshot = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = $"{name}.zip",
            ["referenceDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sha256"] = checksum,
        };
        AuditTrail.RecordChanges(db, tenant.RequiredTenantId, AuditSubject, Guid.CreateVersion7(now), "exported", new Dictionary<string, string?>(), snapshot, Actor.From(user), now);
        // Recorded before a byte is sent: a package that leaves the service is always in the audit trail.
        await db.SaveChangesAsync(cancellationToken);

        response.ContentType = "application/zip";
        response.ContentLength = file.Length;
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.zip\"";
        await file.CopyToAsync(response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>The reference date asked for (ISO 8601, yyyy-MM-dd), or 31 December of the year before today.</summary>
    internal static DateOnly ReferenceDate(ValidationErrors errors, string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new DateOnly(now.UtcDateTime.Year - 1, 12, 31);
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("referenceDate", $"'{value}' is not an ISO 8601 date (yyyy-MM-dd).");
        }

        return date;
    }

    internal static ProblemHttpResult Blocked(IReadOnlyList<DoraViolation> violations) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The register fails checks that make the supervisor reject it; nothing was exported.",
            detail: string.Join(" ", violations.Take(20).Select(v => $"{v.Template} row {v.Row} ({v.RowKey}) {v.Column}: {v.Rule}.")),
            extensions: new Dictionary<string, object?> { ["violations"] = violations });
}
