using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sourcing.Identity.Pages;

/// <summary>
/// The account pages' shell: server-rendered, no script, every value HTML-encoded by the helpers,
/// and headers that keep the pages out of frames and caches and keep tokens out of referrers.
/// </summary>
internal static class HtmlPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static ContentHttpResult Render(HttpContext context, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";
        return TypedResults.Content(Layout(title, body), "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>A page that only says something (an error or a result), with an optional link onwards.</summary>
    public static ContentHttpResult Message(HttpContext context, string title, string message, int statusCode = StatusCodes.Status200OK, string? linkHref = null, string? linkText = null)
    {
        var link = linkHref is null ? "" : $"""<p><a href="{Encode(linkHref)}">{Encode(linkText)}</a></p>""";
        var paragraph = statusCode >= 400 ? """<p role="alert">""" : "<p>";
        return Render(context, title, $"""<h1>{Encode(title)}</h1>{paragraph}{Encode(message)}</p>{link}""", statusCode);
    }

    private static string Layout(string title, string body) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} – Sourcing</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
        label { display: block; font-weight: 600; margin-top: 1rem; }
        input, select { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #555; border-radius: 4px; }
        input[readonly] { background: #f3f3f3; }
        .notice { border-left: 4px solid #0b5394; padding: .3rem .8rem; background: #eef4fb; }
        input[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid #b00020; }
        .hint { color: #444; font-size: .9rem; margin: .2rem 0 0; }
        .field-error { color: #b00020; font-weight: 600; margin: .2rem 0 0; }
        .error-summary { border: 3px solid #b00020; padding: .5rem 1rem; margin: 1rem 0; }
        .error-summary a { color: #b00020; }
        button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; background: #0b5394; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        button:focus, input:focus, select:focus, a:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
        </style>
        </head>
        <body>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;
}
