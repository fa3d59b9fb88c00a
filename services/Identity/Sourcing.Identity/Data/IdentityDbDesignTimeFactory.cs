using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sourcing.Identity.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without a database or the host: the same
/// provider, naming convention and history table as <c>AddSourcingDbContext</c>.
/// </summary>
public sealed class IdentityDbDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityDb>()
            .UseNpgsql("Host=127.0.0.1;Database=sourcing_identity", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new IdentityDb(options);
    }
}
