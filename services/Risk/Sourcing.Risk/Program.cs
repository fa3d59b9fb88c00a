using MassTransit;
using Microsoft.Extensions.Options;
using Sourcing.Risk.Advice;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Data;
using Sourcing.Risk.Decisions;
using Sourcing.Risk.Digests;
using Sourcing.Risk.Messaging;
using Sourcing.Risk.Portfolio;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scores;
using Sourcing.Risk.WhatIf;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Hosting;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
var risk = builder.Configuration.GetSection(RiskOptions.Section).Get<RiskOptions>() ?? new RiskOptions();
builder.Services.AddOptions<RiskOptions>()
    .Bind(builder.Configuration.GetSection(RiskOptions.Section))
    .Validate(o => o.Role is "api" or "worker" or "all", "Risk:Role must be api, worker or all.")
    .Validate(o => o.WorkerCount is > 0 and <= 64, "Risk:WorkerCount must be between 1 and 64.")
    .Validate(o => o.ChangeWorkerCount is >= 0 and <= 16, "Risk:ChangeWorkerCount must be between 0 and 16.")
    .Validate(o => o.JobInvisibilityTimeout >= TimeSpan.FromSeconds(10), "Risk:JobInvisibilityTimeout must be at least 10 seconds.")
    .ValidateOnStart();

builder.AddServiceDefaults("risk");
builder.AddSourcingDbContext<RiskDb>();
builder.AddApiAuthentication("risk");
builder.AddMessaging<RiskDb>("risk", bus =>
{
    // Consumers run where the jobs run; an api-only instance just publishes its outbox.
    if (risk.RunsWorker)
    {
        bus.AddConsumersFromNamespaceContaining<TenantRegisteredConsumer>();
    }
});
builder.Services.AddSingleton<ReferenceData>();
builder.AddRiskJobs(risk);
builder.AddDigests(risk);

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceDefaults();
if (risk.RunsApi)
{
    app.MapScoresApi();
    app.MapPortfolioApi();
    app.MapDecisionsApi();
    app.MapWhatIfApi();
    app.MapAlertsApi();
    app.MapCountriesApi();
    app.MapRecomputeApi();
    app.MapAdviceApi();
    app.MapDigestsApi();
    app.MapRiskDashboard();
}

await app.MigrateDatabaseAsync<RiskDb>();
await app.InstallHangfireSchemaAsync();
if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.AppliesMigrations)
{
    // The shipped reference data is installed with the schema, as the owner (by the migration job in a deployment).
    await ReferenceDataLoader.LoadAsync(
        app.Configuration.GetConnectionString("Migrations")!,
        Path.Combine(AppContext.BaseDirectory, "ReferenceData"),
        CancellationToken.None);
}

if (app.MigrationsOnly())
{
    return;
}

if (risk.RunsWorker)
{
    app.ScheduleRecurringJobs(risk);
    app.ScheduleDigestJobs();
}

await app.RunAsync();
