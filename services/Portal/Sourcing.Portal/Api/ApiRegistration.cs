using Sourcing.Portal.Auth;

namespace Sourcing.Portal.Api;

public static class ApiRegistration
{
    /// <summary>The typed clients of the APIs the pages call, each forwarding the person's access token.</summary>
    public static WebApplicationBuilder AddPortalApis(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<AccessTokenHandler>();
        var options = PortalOptions.Read(builder.Configuration);
        builder.Services.AddHttpClient<TenantsApi>(http => http.BaseAddress = BaseAddress(options.TenantsApi))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<EngagementsApi>(http => http.BaseAddress = BaseAddress(options.EngagementsApi))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<RegistersApi>(http => http.BaseAddress = BaseAddress(options.EngagementsApi))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<SlaApi>(http => http.BaseAddress = BaseAddress(options.SlaApi))
            .AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddHttpClient<RiskApi>(http => http.BaseAddress = BaseAddress(options.RiskApi))
            .AddHttpMessageHandler<AccessTokenHandler>();
        return builder;
    }

    private static Uri BaseAddress(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
