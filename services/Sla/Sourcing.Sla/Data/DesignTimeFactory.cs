using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Sla.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SlaDb>
{
    public SlaDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SlaDb>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseSnakeCaseNamingConvention()
            .Options;
        return new SlaDb(options, new DesignTimeTenant());
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
