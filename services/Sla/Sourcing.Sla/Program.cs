using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Hosting;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.Sla.Data;
using Sourcing.Sla.Definitions;
using Sourcing.Sla.Measurements;
using Sourcing.Sla.Messaging;
using Sourcing.Sla.Reports;
using Sourcing.Sla.Resync;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("sla");
builder.AddSourcingDbContext<SlaDb>();
builder.AddApiAuthentication("sla");
builder.AddMessaging<SlaDb>("sla", bus =>
{
    bus.AddConsumer<EngagementCreatedConsumer>();
    bus.AddConsumer<EngagementChangedConsumer>();
    bus.AddConsumer<EngagementTerminatedConsumer>();
});
builder.Services.AddOptions<IngestionOptions>()
    .Bind(builder.Configuration.GetSection(IngestionOptions.Section))
    .Validate(o => o.MaxRows > 0 && o.MaxBodyBytes > 0 && o.MaxReportedErrors > 0, "Ingestion limits must be positive.")
    .ValidateOnStart();
builder.Services.AddScoped<MeasurementIngestion>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceDefaults();
app.MapSlaDefinitionsApi();
app.MapMeasurementsApi(app.Configuration.GetValue($"{IngestionOptions.Section}:{nameof(IngestionOptions.MaxBodyBytes)}", new IngestionOptions().MaxBodyBytes));
app.MapSlaReportsApi();
app.MapSlaResync();

await app.MigrateDatabaseAsync<SlaDb>();
if (app.MigrationsOnly())
{
    return;
}

await app.RunAsync();
