using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Sla.Definitions;

internal sealed class SlaDefinitionConfiguration : IEntityTypeConfiguration<SlaDefinition>
{
    public void Configure(EntityTypeBuilder<SlaDefinition> builder)
    {
        builder.ToTable("slas");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.HasIndex(s => new { s.TenantId, s.EngagementId });
        builder.Property(s => s.Metric).HasMaxLength(200);
        builder.Property(s => s.Unit).HasMaxLength(50);
        builder.Property(s => s.Direction).HasMaxLength(10);
        builder.Property(s => s.Period).HasMaxLength(10);
        builder.Property(s => s.Status).HasMaxLength(10);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.ETag);
    }
}

internal sealed class SlaVersionConfiguration : IEntityTypeConfiguration<SlaVersion>
{
    public void Configure(EntityTypeBuilder<SlaVersion> builder)
    {
        builder.ToTable("sla_versions");
        builder.HasKey(v => new { v.TenantId, v.SlaId, v.Version });
        builder.Property(v => v.Metric).HasMaxLength(200);
        builder.Property(v => v.Unit).HasMaxLength(50);
        builder.Property(v => v.Direction).HasMaxLength(10);
        builder.Property(v => v.Period).HasMaxLength(10);
        builder.Property(v => v.Status).HasMaxLength(10);
    }
}
