using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sourcing.Portal.Api;

/// <summary>Calls one of the product's APIs with the person's access token, and reads answers and ProblemDetails.</summary>
public abstract class ApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    protected async Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    protected async Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>A PUT that the API refuses (412) when the resource changed since the version the person saw.</summary>
    protected async Task<ApiResult<T>> PutIfMatchAsync<T>(string path, object body, string ifMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>A PATCH with a JSON body (not a merge patch), such as a member's new role.</summary>
    protected async Task<ApiResult<T>> PatchAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PatchAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// A JSON Merge Patch (RFC 7396): only the members sent change. With <paramref name="ifMatch"/>, the API refuses it (412)
    /// when the resource changed since the version the person saw.
    /// </summary>
    protected async Task<ApiResult<T>> MergePatchAsync<T>(string path, object patch, string? ifMatch, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(patch, new System.Net.Http.Headers.MediaTypeHeaderValue("application/merge-patch+json"), Json);
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(path, UriKind.Relative)) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>A DELETE; the value is true when the API did it (its answer has no body).</summary>
    protected async Task<ApiResult<bool>> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new ApiResult<bool>(true, response.StatusCode, null, new Dictionary<string, string[]>());
        }

        return await ReadAsync<bool>(response, cancellationToken);
    }

    /// <summary>
    /// Sends a body as it arrives (never buffered whole: chunked when its length is unknown), such as
    /// an upload passed on from the browser, and reads the answer.
    /// </summary>
    protected async Task<ApiResult<T>> PostStreamAsync<T>(string path, Stream body, string contentType, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(body, 64 * 1024);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>A GET whose answer (a file) the caller passes on as it arrives; the caller disposes of it.</summary>
    protected Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken) =>
        http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>A query string of the values given (empty ones left out), escaped.</summary>
    protected static string Query(string path, params (string Name, string? Value)[] values)
    {
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!.Trim())}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return new ApiResult<T>(value, response.StatusCode, null, new Dictionary<string, string[]>());
        }

        var problem = await ReadProblemAsync(response, cancellationToken);
        return new ApiResult<T>(default, response.StatusCode, problem?.Detail ?? problem?.Title ?? StatusWords(response.StatusCode),
            problem?.Errors ?? new Dictionary<string, string[]>());
    }

    private static async Task<ProblemAnswer?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemAnswer>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string StatusWords(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Your session has expired. Please sign in again.",
        HttpStatusCode.Forbidden => "You are not allowed to do this.",
        HttpStatusCode.NotFound => "Not found.",
        HttpStatusCode.PreconditionFailed => "Someone changed this in the meantime. Reload the page to see their change, then make yours again.",
        _ => $"The service answered {(int)status}. Please try again.",
    };

    private sealed record ProblemAnswer(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
