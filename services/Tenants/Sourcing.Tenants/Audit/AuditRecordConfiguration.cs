using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.Tenants.Audit;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.HasKey(a => new { a.TenantId, a.Id });
        // The list reads newest first, optionally narrowed to one service or subject.
        builder.HasIndex(a => new { a.TenantId, a.ChangedAt });
        builder.HasIndex(a => new { a.TenantId, a.SubjectType, a.SubjectId });
        builder.Property(a => a.Service).HasMaxLength(32);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.SubjectId).HasMaxLength(200);
        builder.Property(a => a.SubjectName).HasMaxLength(300);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.ActorId).HasMaxLength(200);
        builder.Property(a => a.ActorName).HasMaxLength(300);
        builder.Property(a => a.Changes).AsJson();
    }
}
