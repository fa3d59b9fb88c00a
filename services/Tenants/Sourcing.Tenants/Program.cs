using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Hosting;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.Tenants.ApiClients;
using Sourcing.Tenants.Audit;
using Sourcing.Tenants.Data;
using Sourcing.Tenants.Invitations;
using Sourcing.Tenants.Members;
using Sourcing.Tenants.Messaging;
using Sourcing.Tenants.Resync;
using Sourcing.Tenants.Settings;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("tenants");
builder.AddSourcingDbContext<TenantsDb>();
builder.AddApiAuthentication("tenants");
builder.AddMessaging<TenantsDb>("tenants", bus =>
{
    bus.AddConsumer<UserRegisteredConsumer>();
    bus.AddConsumer<AuditRecordedConsumer>();
});
builder.Services.AddOptions<InvitationOptions>()
    .Bind(builder.Configuration.GetSection(InvitationOptions.Section))
    .Validate(o => o.LifetimeDays is > 0 and <= 60, "Invitations:LifetimeDays must be between 1 and 60.")
    .ValidateOnStart();

var app = builder.Build();
app.UseServiceDefaults();
app.MapServiceDefaults();
app.MapTenantSettingsApi();
app.MapMembersApi();
app.MapInvitationsApi();
app.MapApiClientsApi();
app.MapAuditApi();
app.MapTenantsResync();

await app.MigrateDatabaseAsync<TenantsDb>();
if (app.MigrationsOnly())
{
    return;
}

await app.RunAsync();
