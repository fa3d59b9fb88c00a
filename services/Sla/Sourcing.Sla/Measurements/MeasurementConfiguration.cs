using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Sla.Measurements;

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("measurements");
        builder.HasKey(m => new { m.TenantId, m.SlaId, m.PeriodStart });
        builder.HasIndex(m => new { m.TenantId, m.EngagementId, m.PeriodStart });
        builder.HasIndex(m => new { m.TenantId, m.RecordedAt })
            .HasFilter("NOT met")
            .HasDatabaseName("ix_measurements_breaches");
        builder.Property(m => m.Direction).HasMaxLength(10);
    }
}
