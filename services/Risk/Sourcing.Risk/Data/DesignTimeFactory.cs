using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Risk.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RiskDb>
{
    public RiskDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RiskDb>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseSnakeCaseNamingConvention()
            .Options;
        return new RiskDb(options, new DesignTimeTenant());
    }

    private sealed class DesignTimeTenant : ITenantContext
    {
        public Guid? TenantId => null;

        public Guid RequiredTenantId => Guid.Empty;

        public void Set(Guid tenantId)
        {
        }
    }
}
