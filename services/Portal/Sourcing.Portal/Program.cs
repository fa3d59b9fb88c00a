using MudBlazor.Services;
using Sourcing.Portal.Admin;
using Sourcing.Portal.Api;
using Sourcing.Portal.Auth;
using Sourcing.Portal.Components;
using Sourcing.Portal.Endpoints;
using Sourcing.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebAppDefaults("portal");
builder.AddPortalAuthentication();
builder.AddPortalApis();
builder.AddJobsDashboard();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddMudServices();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseWebAppRequestLogging();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapJobsDashboard();
app.MapMeasurementEndpoints();
app.MapEngagementEndpoints();
app.MapRegisterEndpoints();
app.MapRazorComponents<App>();
app.Run();

/// <summary>The entry point, named for the router's assembly lookup.</summary>
public partial class Program;
