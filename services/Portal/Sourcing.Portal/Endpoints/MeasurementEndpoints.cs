using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Sourcing.Portal.Api;

namespace Sourcing.Portal.Endpoints;

/// <summary>
/// What the engagement page's upload script calls: the CSV passed on to the SLA API as it arrives
/// (with the person's token), and a template naming the engagement's SLAs. The plain form post
/// (no JavaScript) goes to the engagement page itself.
/// </summary>
public static class MeasurementEndpoints
{
    /// <summary>The largest upload passed on (the SLA service's own default limit, <c>Ingestion:MaxBodyBytes</c>; it answers 413 above its limit).</summary>
    public const long MaxUploadBytes = 128L * 1024 * 1024;

    public static WebApplication MapMeasurementEndpoints(this WebApplication app)
    {
        app.MapPost("/engagements/{id:guid}/measurements", UploadAsync).RequireAuthorization().DisableAntiforgery();
        app.MapGet("/engagements/{id:guid}/measurements/template.csv", TemplateAsync).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The file's bytes as the body (<c>text/csv</c>), the page's antiforgery token in the
    /// <c>RequestVerificationToken</c> header; answers the API's result, or its refusal with the
    /// message of every refused row.
    /// </summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, IAntiforgery antiforgery, SlaApi sla, CancellationToken cancellationToken)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Json(UploadAnswer.Refused("The page has expired. Reload it and upload again."), statusCode: StatusCodes.Status400BadRequest);
        }

        // Kestrel's 30 MB default would cut a large file short; the SLA API keeps its own limit.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        if (http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Results.Json(UploadAnswer.Refused("Choose a CSV file (text/csv)."), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var result = await sla.UploadCsvAsync(id, http.Request.Body, cancellationToken);
        return Results.Json(UploadAnswer.From(result), statusCode: (int)result.Status);
    }

    /// <summary>A CSV with the header the API reads and a line per active SLA (its id, its metric, yesterday), the value left to fill in.</summary>
    private static async Task<IResult> TemplateAsync(Guid id, SlaApi sla, TimeProvider clock, CancellationToken cancellationToken)
    {
        var slas = await sla.ListAsync(id, cancellationToken);
        if (!slas.Ok)
        {
            return Results.Problem(statusCode: (int)slas.Status, title: slas.Problem);
        }

        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("slaId,metric,period,value\n");
        foreach (var s in slas.Value!.Items)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Id},{Quoted(s.Metric)},{yesterday},\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"measurements-{id}.csv");
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>What the upload script shows: the result, or the problem and each refused row with the API's message.</summary>
public sealed record UploadAnswer(UploadResult? Result, string? Problem, IReadOnlyList<RowError> Rows)
{
    public static UploadAnswer Refused(string problem) => new(null, problem, []);

    public static UploadAnswer From(ApiResult<UploadResult> result) =>
        result.Ok ? new(result.Value, null, []) : new(null, result.Problem, RowError.From(result.FieldErrors));
}

/// <summary>One refused row ("line 3, column value", or "line 1" for the header) and the API's words.</summary>
public sealed record RowError(string Row, string Message)
{
    public static IReadOnlyList<RowError> From(IReadOnlyDictionary<string, string[]> errors) =>
        [.. errors.OrderBy(e => LineOf(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new RowError(e.Key, string.Join(" ", e.Value)))];

    private static long LineOf(string key)
    {
        var digits = new string([.. key.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit)]);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;
    }
}
