using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Sla.Measurements;

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("measurements");
        builder.HasKey(m => new { m.TenantId, m.SlaId, m.PeriodStart });
        // No index by engagement: every write would pay for it, and the reads go by SLA (the key) or by breach.
        builder.HasIndex(m => new { m.TenantId, m.EngagementId, m.RecordedAt })
            .HasFilter("NOT met")
            .HasDatabaseName("ix_measurements_breaches");
        builder.Property(m => m.Direction).HasMaxLength(10);
    }
}
