using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sourcing.SystemTests;

/// <summary>Asserts that an answer is ProblemDetails with the given status, naming the given fields.</summary>
public static class Problems
{
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"Not ProblemDetails: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.TryGetProperty("status", out var statusValue) && statusValue.GetInt32() == (int)status, $"Wrong status in {body}");
        if (fields.Length > 0)
        {
            var errors = problem.GetProperty("errors");
            foreach (var field in fields)
            {
                Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {body}");
                Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
            }
        }

        return problem;
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string url, string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return http.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient http, string url, string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return http.PutAsync(url, content);
    }

    /// <summary>
    /// Sends a large body the way a well-behaved client does, with <c>Expect: 100-continue</c>, so
    /// that a 413 answered from the headers reaches it before the body is sent.
    /// </summary>
    public static Task<HttpResponseMessage> SendLargeAsync(this HttpClient http, HttpMethod method, string url, string body)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        return http.SendAsync(request);
    }

    public static Task<JsonElement> JsonAsync(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();
}
