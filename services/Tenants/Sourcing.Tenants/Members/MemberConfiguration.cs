using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Tenants.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => new { m.TenantId, m.UserId });
        builder.HasIndex(m => new { m.TenantId, m.Email }).IsUnique();
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Role).HasMaxLength(32);
    }
}
