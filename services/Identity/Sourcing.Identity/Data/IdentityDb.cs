using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Sourcing.Identity.Accounts;
using Sourcing.Identity.Invitations;
using Sourcing.ServiceDefaults.Email;
using Sourcing.ServiceDefaults.Messaging;

namespace Sourcing.Identity.Data;

/// <summary>
/// Users (ASP.NET Core Identity), OpenIddict's applications, authorizations, scopes and tokens,
/// invitations, and the event and e-mail outboxes.
/// </summary>
/// <remarks>
/// Unlike the business services' tables, these are cross-tenant by nature and get no row-level
/// security: a login, a token request or an invitation link finds its user, client or invitation
/// before any tenant is known (and an e-mail address is unique across all tenants). The code that
/// changes a tenant's data on a message checks the message's tenant against the row's instead.
/// </remarks>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IOutboxDbContext, IEmailOutboxDbContext
{
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        NameTablesInSnakeCase(builder);
        builder.AddOutboxAndInbox();
        builder.AddEmailOutbox();
        builder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
    }

    /// <summary>Identity and OpenIddict name their tables explicitly (AspNetUsers…); ours follow the snake_case convention of the columns.</summary>
    private static void NameTablesInSnakeCase(ModelBuilder builder)
    {
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
    }
}
