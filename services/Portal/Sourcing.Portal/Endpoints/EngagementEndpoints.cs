using Sourcing.Portal.Api;

namespace Sourcing.Portal.Endpoints;

/// <summary>What the engagement form's script asks while the person picks: the classification, from the engagements service.</summary>
public static class EngagementEndpoints
{
    /// <summary>The facts the engagements service classifies by, passed on under the API's own names.</summary>
    private static readonly string[] Facts =
        ["providerId", "captiveCentreId", "scope", "businessProcess", "placeOfWork", "deliveryCountry", "deliveryTimeZone", "contractStart", "contractEnd"];

    public static WebApplication MapEngagementEndpoints(this WebApplication app)
    {
        app.MapGet("/engagements/classification", ClassifyAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ClassifyAsync(HttpContext http, EngagementsApi engagements, CancellationToken cancellationToken)
    {
        var facts = Facts.Select(name => (name, (string?)http.Request.Query[name].ToString()));
        var result = await engagements.ClassifyAsync(facts, cancellationToken);
        return result.Ok
            ? Results.Json(new ClassificationPreview(result.Value!.Classification.Label, result.Value.Classification.Reason, null, new Dictionary<string, string[]>()))
            : Results.Json(new ClassificationPreview(null, null, result.Problem, result.FieldErrors), statusCode: (int)result.Status);
    }
}

/// <summary>The classification in words (label and reason), or why there is none yet (the API's words, by field).</summary>
public sealed record ClassificationPreview(string? Label, string? Reason, string? Problem, IReadOnlyDictionary<string, string[]> Errors);
