using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Tenants.Settings;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.TenantId);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.HqCountry).HasMaxLength(2);
        builder.Property(t => t.ReportingCurrency).HasMaxLength(3);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.QualityWeight).HasPrecision(5, 4);
        builder.Property(t => t.DependencyWeight).HasPrecision(5, 4);
        builder.Property(t => t.GeopoliticalWeight).HasPrecision(5, 4);
        builder.Property(t => t.MediumThreshold).HasPrecision(5, 2);
        builder.Property(t => t.HighThreshold).HasPrecision(5, 2);
        builder.Property(t => t.CriticalThreshold).HasPrecision(5, 2);
        builder.Property(t => t.CountryConcentrationThresholdPercent).HasPrecision(5, 2);
        builder.Property(t => t.QualityScore).AsJson();
        builder.Property(t => t.DependencyScore).AsJson();
        builder.Property(t => t.GeopoliticalWeights).AsJson();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.ETag);
    }
}
