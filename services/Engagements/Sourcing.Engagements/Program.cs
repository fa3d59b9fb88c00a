using Sourcing.Engagements.CaptiveCentres;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Findings;
using Sourcing.Engagements.FourthParties;
using Sourcing.Engagements.Import;
using Sourcing.Engagements.Messaging;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Registers;
using Sourcing.Engagements.Renewals;
using Sourcing.Engagements.Resync;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Hosting;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("engagements");
builder.AddSourcingDbContext<EngagementsDb>();
builder.AddApiAuthentication("engagements");
builder.AddMessaging<EngagementsDb>("engagements", bus =>
{
    bus.AddConsumer<TenantRegisteredConsumer>();
    bus.AddConsumer<TenantSettingsChangedConsumer>();
    bus.AddConsumer<PolicyFindingsChangedConsumer>();
    bus.AddConsumer<RiskScoresChangedConsumer>();
});

builder.Services.AddSingleton<ImportProgress>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceDefaults();
app.MapTenantProfileApi();
app.MapProvidersApi();
app.MapCaptiveCentresApi();
app.MapEngagementsApi();
app.MapRenewalsApi();
app.MapFindingsApi();
app.MapImportApi();
app.MapExportApi();
app.MapEngagementsResync();
app.MapRegisterFactsApi();
app.MapDoraExportApi();
app.MapDoraImportApi();
app.MapRegisterReportsApi();
app.MapFourthPartiesApi();

await app.MigrateDatabaseAsync<EngagementsDb>();
if (app.MigrationsOnly())
{
    return;
}

await app.RunAsync();
