using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Sla.Engagements;

internal sealed class KnownEngagementConfiguration : IEntityTypeConfiguration<KnownEngagement>
{
    public void Configure(EntityTypeBuilder<KnownEngagement> builder)
    {
        builder.ToTable("engagements");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.Criticality).HasMaxLength(20);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.AnnualValue).HasPrecision(18, 2);
        builder.Ignore(e => e.IsTerminated);
        builder.Ignore(e => e.End);
    }
}
