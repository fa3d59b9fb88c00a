using Sourcing.Identity.Accounts;
using Sourcing.Identity.Auth;
using Sourcing.Identity.Data;
using Sourcing.Identity.Invitations;
using Sourcing.Identity.Messaging;
using Sourcing.Identity.SignUp;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Hosting;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("identity");
// No row-level security: identity's tables are looked up before any tenant is known (see IdentityDb).
builder.AddSourcingDbContext<IdentityDb>(rowLevelSecurity: false);
builder.AddMessaging<IdentityDb>("identity", bus =>
{
    bus.AddConsumer<MemberInvitedConsumer>();
    bus.AddConsumer<MemberInvitationRevokedConsumer>();
    bus.AddConsumer<MemberRoleChangedConsumer>();
    bus.AddConsumer<MemberRemovedConsumer>();
    bus.AddConsumer<ApiClientCreatedConsumer>();
    bus.AddConsumer<ApiClientRevokedConsumer>();
});
builder.AddEmailOutbox<IdentityDb>();
builder.AddAccounts();
builder.AddOpenIdConnectServer();
builder.Services.AddScoped<CompanySignUp>();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAntiforgery();

app.MapServiceDefaults();
app.MapSignUpApi();
app.MapSignUpPage();
app.MapAccountPages();
app.MapInvitationPages();
app.MapOpenIdConnectEndpoints();

await app.MigrateDatabaseAsync<IdentityDb>();
if (app.MigrationsOnly())
{
    return;
}

await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
