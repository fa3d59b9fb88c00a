using Sourcing.Portal.Api;
using Sourcing.Portal.Auth;

namespace Sourcing.Portal.Admin;

/// <summary>
/// The risk service's Hangfire dashboard, reached through the portal at the same path (<c>/hangfire</c>):
/// the portal forwards each request with the platform administrator's access token, so the dashboard is
/// a page behind the portal's login rather than an API answering 401 to a browser. Someone signed in
/// without the platform-admin role gets the portal's "not allowed" page. Hangfire's links stay valid
/// because the path is the same on both sides.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/hangfire";
    public const string PlatformAdminRole = "platform-admin";
    private const string ClientName = "risk-dashboard";

    /// <summary>Request and response headers that belong to one hop, or that the forwarding sets itself.</summary>
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Authorization", "Proxy-Authenticate",
        "Host", "Cookie", "Authorization", "Content-Length",
    };

    public static WebApplicationBuilder AddJobsDashboard(this WebApplicationBuilder builder)
    {
        var options = PortalOptions.Read(builder.Configuration);
        builder.Services.AddHttpClient(ClientName, http => http.BaseAddress = new Uri(options.RiskApi.EndsWith('/') ? options.RiskApi : options.RiskApi + "/"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddHttpMessageHandler<AccessTokenHandler>();
        return builder;
    }

    public static void MapJobsDashboard(this WebApplication app)
    {
        var policy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(PlatformAdminRole).Build();
        app.Map(Path, ForwardAsync).RequireAuthorization(policy).DisableAntiforgery().ExcludeFromDescription();
        app.Map(Path + "/{**rest}", ForwardAsync).RequireAuthorization(policy).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task ForwardAsync(HttpContext context, IHttpClientFactory clients)
    {
        var request = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path.Value!.TrimStart('/') + request.QueryString, UriKind.Relative));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        // The dashboard's own cookies (Hangfire's antiforgery token) go through; the portal's session never leaves the portal.
        var cookies = request.Headers.Cookie.SelectMany(h => (h ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(c => !c.StartsWith(PortalAuthentication.SessionCookie, StringComparison.Ordinal)).ToList();
        if (cookies.Count > 0)
        {
            forward.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
        }

        using var answer = await clients.CreateClient(ClientName).SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (answer.Headers.Location is { IsAbsoluteUri: true } location)
        {
            // The dashboard's own redirects point at the risk service; keep the browser on the portal.
            context.Response.Headers.Location = location.PathAndQuery;
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
