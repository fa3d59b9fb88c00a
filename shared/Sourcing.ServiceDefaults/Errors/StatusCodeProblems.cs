using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Sourcing.ServiceDefaults.Errors;

/// <summary>
/// Writes ProblemDetails for answers that left the pipeline with an error status and no body
/// (401 and 403 from authorization, 404, 415 from a minimal API's content-type check), naming the
/// field where there is one.
/// </summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        ProblemDetails problem = http.Response.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["Content-Type"] = [$"must be application/json (was '{http.Request.ContentType}')."],
            })
            {
                Title = "The request's content type is not supported.",
            },
            StatusCodes.Status401Unauthorized => new ProblemDetails { Title = "A valid access token is required." },
            StatusCodes.Status403Forbidden => new ProblemDetails { Title = "Your role or scopes do not allow this." },
            _ => new ProblemDetails(),
        };
        problem.Status = http.Response.StatusCode;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
