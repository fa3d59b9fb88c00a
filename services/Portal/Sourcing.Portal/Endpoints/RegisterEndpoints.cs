using Sourcing.Portal.Api;

namespace Sourcing.Portal.Endpoints;

/// <summary>
/// The registers page's downloads: the engagements API's file passed on to the browser as it arrives
/// (with the person's token). A refusal goes back to the page, which says why (the blocking violations
/// are listed there).
/// </summary>
public static class RegisterEndpoints
{
    public static WebApplication MapRegisterEndpoints(this WebApplication app)
    {
        app.MapGet("/registers/outsourcing", OutsourcingAsync).RequireAuthorization();
        app.MapGet("/registers/dora", DoraAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> OutsourcingAsync(HttpContext http, RegistersApi registers, string? referenceDate, string? format, CancellationToken cancellationToken)
    {
        var kind = format == "xlsx" ? "xlsx" : "csv";
        return await PassOnAsync(http, await registers.OutsourcingAsync(referenceDate, kind, cancellationToken), referenceDate, $"outsourcing-{kind}", cancellationToken);
    }

    private static async Task<IResult> DoraAsync(HttpContext http, RegistersApi registers, string? referenceDate, CancellationToken cancellationToken) =>
        await PassOnAsync(http, await registers.DoraAsync(referenceDate, cancellationToken), referenceDate, "dora", cancellationToken);

    private static async Task<IResult> PassOnAsync(
        HttpContext http, HttpResponseMessage answer, string? referenceDate, string what, CancellationToken cancellationToken)
    {
        using (answer)
        {
            if (!answer.IsSuccessStatusCode)
            {
                var back = $"/registers?refused={what}&status={(int)answer.StatusCode}";
                return Results.LocalRedirect(string.IsNullOrWhiteSpace(referenceDate) ? back : $"{back}&referenceDate={Uri.EscapeDataString(referenceDate)}");
            }

            var response = http.Response;
            response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            if (answer.Content.Headers.ContentLength is { } length)
            {
                response.ContentLength = length;
            }

            if (answer.Content.Headers.ContentDisposition is { } disposition)
            {
                response.Headers.ContentDisposition = disposition.ToString();
            }

            await using var body = await answer.Content.ReadAsStreamAsync(cancellationToken);
            await body.CopyToAsync(response.Body, cancellationToken);
            return Results.Empty;
        }
    }
}
