using System.Net;

namespace Sourcing.Testing;

/// <summary>
/// A cookie-keeping HTTP client that follows redirects itself, so that it can stop at a redirect
/// to the OAuth callback (which nobody serves) and hand over the code.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient _http;

    public Browser()
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true });
    }

    public CookieContainer Cookies { get; } = new();

    public async Task<BrowserPage> GetAsync(Uri url, CancellationToken cancellationToken = default) =>
        await FollowAsync(HttpMethod.Get, url, null, null, cancellationToken);

    /// <summary>
    /// Sends the request and follows redirects (at most 10). Stops early, without calling it, at a
    /// redirect whose target starts with <paramref name="stopAt"/>.
    /// </summary>
    public async Task<BrowserPage> FollowAsync(
        HttpMethod method, Uri url, Dictionary<string, string>? form, string? stopAt, CancellationToken cancellationToken = default)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (stopAt is not null && next.ToString().StartsWith(stopAt, StringComparison.Ordinal))
                {
                    return new BrowserPage(url, response.StatusCode, "", next);
                }

                url = next;
                method = HttpMethod.Get;
                form = null;
                continue;
            }

            return new BrowserPage(url, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), null);
        }

        throw new InvalidOperationException($"More than 10 redirects from {url}.");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Where a navigation ended: a page, or a redirect to the address it was told to stop at.</summary>
public sealed record BrowserPage(Uri Url, HttpStatusCode Status, string Html, Uri? RedirectedTo);
