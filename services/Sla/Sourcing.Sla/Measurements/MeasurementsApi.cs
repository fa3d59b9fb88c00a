using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Errors;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;
using Sourcing.Sla.Data;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// Recording measurements (one at a time, or a batch as a JSON array or a CSV file) and reading
/// them back with the breaches they revealed.
/// </summary>
public static class MeasurementsApi
{
    public static IEndpointRouteBuilder MapMeasurementsApi(this IEndpointRouteBuilder app, long maxBodyBytes)
    {
        var api = app.MapGroup("api")
            .WithTags("Measurements")
            .WithTenantTransaction<SlaDb, RouteGroupBuilder>();

        api.MapPost("slas/{id:guid}/measurements", RecordOne).RequireAuthorization(Policies.Write)
            .Accepts<MeasurementRequest>("application/json")
            .WithName("RecordMeasurement")
            .WithSummary("Records one SLA's value for one period (any date in it); a different value replaces the period's earlier one, the same value changes nothing.");
        api.MapPost("engagements/{engagementId:guid}/measurements", RecordBatch).RequireAuthorization(Policies.Write)
            .Accepts<List<BatchRow>>("application/json", "text/csv")
            .WithMaxRequestBodySize(maxBodyBytes)
            .WithName("RecordMeasurements")
            .WithSummary("Records a batch for one engagement: a JSON array of { slaId, period, value } or a CSV with the columns slaId, period, value. All or nothing.");
        api.MapGet("slas/{id:guid}/measurements", ListMeasurements).RequireAuthorization(Policies.Read)
            .WithName("ListMeasurements").WithSummary("An SLA's measurements in a window (from/to: dates of the periods' starts), newest period first.");
        api.MapGet("engagements/{engagementId:guid}/breaches", ListEngagementBreaches).RequireAuthorization(Policies.Read)
            .WithName("ListEngagementBreaches").WithSummary("The engagement's missed periods in a window, most recently detected first.");
        api.MapGet("breaches", ListBreaches).RequireAuthorization(Policies.Read)
            .WithName("ListBreaches").WithSummary("Every breach of the tenant, most recently detected first.");
        return app;
    }

    public static async Task<Results<Ok<IngestionResult>, NotFound, ValidationProblem, ProblemHttpResult>> RecordOne(
        Guid id, HttpRequest request, SlaDb db, MeasurementIngestion ingestion, CancellationToken cancellationToken)
    {
        var sla = await db.Slas.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var engagement = sla is null ? null : await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == sla.EngagementId, cancellationToken);
        if (sla is null || engagement is null)
        {
            return TypedResults.NotFound();
        }

        if (!IsJson(request.ContentType))
        {
            return UnsupportedMediaType(request.ContentType, "application/json");
        }

        RawMeasurement row;
        try
        {
            row = await JsonMeasurementReader.ReadOneAsync(request.Body, cancellationToken);
        }
        catch (MalformedUploadException ex)
        {
            var errors = new ValidationErrors();
            errors.Add(ex.Field, ex.Rule);
            return errors.ToProblem();
        }

        row.SlaId = sla.Id.ToString();
        return Answer(await ingestion.IngestAsync(engagement, One(row), RowNaming.OneMeasurement, cancellationToken));
    }

    public static async Task<Results<Ok<IngestionResult>, NotFound, ValidationProblem, ProblemHttpResult>> RecordBatch(
        Guid engagementId, HttpRequest request, SlaDb db, MeasurementIngestion ingestion, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return TypedResults.NotFound();
        }

        if (IsJson(request.ContentType))
        {
            return Answer(await ingestion.IngestAsync(
                engagement, JsonMeasurementReader.ReadAsync(request.Body, cancellationToken), RowNaming.JsonArray, cancellationToken));
        }

        if (IsCsv(request.ContentType))
        {
            return Answer(await ingestion.IngestAsync(
                engagement, CsvMeasurementReader.ReadAsync(request.Body, cancellationToken), RowNaming.Csv, cancellationToken));
        }

        return UnsupportedMediaType(request.ContentType, "application/json or text/csv");
    }

    public static async Task<Results<Ok<Page<MeasurementResponse>>, NotFound>> ListMeasurements(
        Guid id, DateOnly? from, DateOnly? to, int? page, int? pageSize, SlaDb db, CancellationToken cancellationToken)
    {
        if (!await db.Slas.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var result = await db.Measurements
            .Where(m => m.SlaId == id && (from == null || m.PeriodStart >= from) && (to == null || m.PeriodStart <= to))
            .OrderByDescending(m => m.PeriodStart)
            .Select(m => new MeasurementResponse(m.PeriodStart, m.PeriodEnd, m.Value, m.Target, m.Direction, m.Met, m.RecordedAt, m.BatchId))
            .ToPageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<Page<BreachResponse>>, NotFound>> ListEngagementBreaches(
        Guid engagementId, DateOnly? from, DateOnly? to, int? page, int? pageSize, SlaDb db, CancellationToken cancellationToken)
    {
        if (!await db.Engagements.AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await Breaches(db, m => m.EngagementId == engagementId
            && (from == null || m.PeriodStart >= from) && (to == null || m.PeriodStart <= to))
            .ToPageAsync(page, pageSize, cancellationToken));
    }

    public static async Task<Ok<Page<BreachResponse>>> ListBreaches(int? page, int? pageSize, SlaDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Breaches(db, _ => true).ToPageAsync(page, pageSize, cancellationToken));

    private static IQueryable<BreachResponse> Breaches(SlaDb db, System.Linq.Expressions.Expression<Func<Measurement, bool>> filter) =>
        db.Measurements.Where(filter).Where(m => !m.Met)
            .Join(db.Slas, m => m.SlaId, s => s.Id, (m, s) => new { m, s })
            .OrderByDescending(x => x.m.RecordedAt).ThenBy(x => x.m.SlaId).ThenByDescending(x => x.m.PeriodStart)
            .Select(x => new BreachResponse(
                x.m.EngagementId, x.m.SlaId, x.s.Metric, x.s.Unit, x.m.PeriodStart, x.m.PeriodEnd, x.m.Value, x.m.Target, x.m.Direction,
                x.m.Value > x.m.Target ? x.m.Value - x.m.Target : x.m.Target - x.m.Value, x.m.RecordedAt, x.m.BatchId));

    private static Results<Ok<IngestionResult>, NotFound, ValidationProblem, ProblemHttpResult> Answer(IngestionOutcome outcome)
    {
        if (outcome.TooLarge is { } tooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.", detail: tooLarge);
        }

        return outcome.Errors is { } errors ? errors.ToProblem() : TypedResults.Ok(outcome.Result!);
    }

    private static ProblemHttpResult UnsupportedMediaType(string? contentType, string expected) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["Content-Type"] = [$"must be {expected} (was '{contentType}')."],
        })
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "The request's content type is not supported.",
        });

    private static bool IsJson(string? contentType) =>
        contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsCsv(string? contentType) =>
        contentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;

    private static async IAsyncEnumerable<RawMeasurement> One(RawMeasurement row)
    {
        await Task.CompletedTask;
        yield return row;
    }
}

public sealed record MeasurementRequest(string Period, decimal Value);

public sealed record BatchRow(Guid SlaId, string Period, decimal Value);

public sealed record MeasurementResponse(
    DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, decimal Target, string Direction, bool Met, DateTimeOffset RecordedAt, Guid BatchId);

public sealed record BreachResponse(
    Guid EngagementId,
    Guid SlaId,
    string Metric,
    string Unit,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Value,
    decimal Target,
    string Direction,
    decimal Shortfall,
    DateTimeOffset DetectedAt,
    Guid BatchId);
