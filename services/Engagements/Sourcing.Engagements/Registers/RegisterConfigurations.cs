using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sourcing.Engagements.Data;

namespace Sourcing.Engagements.Registers;

internal sealed class RegisterEntityConfiguration : IEntityTypeConfiguration<RegisterEntity>
{
    public void Configure(EntityTypeBuilder<RegisterEntity> builder)
    {
        builder.ToTable("register_entities");
        builder.HasKey(e => new { e.TenantId, e.Lei });
        builder.Property(e => e.Lei).HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(Limits.Name);
        builder.Property(e => e.EntityType).HasMaxLength(32);
        builder.Property(e => e.Hierarchy).HasMaxLength(32);
        builder.Property(e => e.ParentLei).HasMaxLength(20);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.TotalAssets).HasPrecision(20, 2);
    }
}

internal sealed class RegisterBranchConfiguration : IEntityTypeConfiguration<RegisterBranch>
{
    public void Configure(EntityTypeBuilder<RegisterBranch> builder)
    {
        builder.ToTable("register_branches");
        builder.HasKey(b => new { b.TenantId, b.Code });
        builder.Property(b => b.Code).HasMaxLength(RegisterLimits.Code);
        builder.Property(b => b.HeadOfficeLei).HasMaxLength(20);
        builder.Property(b => b.Name).HasMaxLength(Limits.Name);
        builder.Property(b => b.Country).HasMaxLength(2);
    }
}

internal sealed class RegisterSettingsConfiguration : IEntityTypeConfiguration<RegisterSettings>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<RegisterSettings> builder)
    {
        builder.ToTable("register_settings");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.ReportingEntityLei).HasMaxLength(20);
        builder.Property(s => s.CompetentAuthority).HasMaxLength(RegisterLimits.Code);
        builder.Property(s => s.Consolidation).HasMaxLength(3);
        builder.Property(s => s.DeclaredFilingIndicators)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, bool>>(v, Json) ?? new Dictionary<string, bool>(),
                new ValueComparer<Dictionary<string, bool>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.Key, x.Value)),
                    v => new Dictionary<string, bool>(v)))
            .HasColumnType("jsonb");
    }
}

internal sealed class ProviderRegisterFactsConfiguration : IEntityTypeConfiguration<ProviderRegisterFacts>
{
    public void Configure(EntityTypeBuilder<ProviderRegisterFacts> builder)
    {
        builder.ToTable("register_provider_facts");
        builder.HasKey(f => new { f.TenantId, f.ProviderId });
        builder.Property(f => f.OtherCode).HasMaxLength(RegisterLimits.Code);
        builder.Property(f => f.OtherCodeType).HasMaxLength(32);
        builder.Property(f => f.PersonType).HasMaxLength(32);
        builder.Property(f => f.UltimateParentCode).HasMaxLength(RegisterLimits.Code);
        builder.Property(f => f.UltimateParentCodeType).HasMaxLength(32);
    }
}

internal sealed class EngagementRegisterFactsConfiguration : IEntityTypeConfiguration<EngagementRegisterFacts>
{
    public void Configure(EntityTypeBuilder<EngagementRegisterFacts> builder)
    {
        builder.ToTable("register_engagement_facts");
        builder.HasKey(f => new { f.TenantId, f.EngagementId });
        builder.Property(f => f.ContractReference).HasMaxLength(RegisterLimits.Code);
        builder.Property(f => f.ArrangementType).HasMaxLength(32);
        builder.Property(f => f.OverarchingReference).HasMaxLength(RegisterLimits.Code);
        builder.Property(f => f.EntityLei).HasMaxLength(20);
        builder.Property(f => f.BranchCode).HasMaxLength(RegisterLimits.Code);
        builder.Property(f => f.IctServiceType).HasMaxLength(32);
        builder.Property(f => f.TerminationReason).HasMaxLength(32);
        builder.Property(f => f.GoverningLawCountry).HasMaxLength(2);
        builder.Property(f => f.Reliance).HasMaxLength(32);
        builder.Property(f => f.Substitutability).HasMaxLength(32);
        builder.Property(f => f.NonSubstitutabilityReason).HasMaxLength(32);
        builder.Property(f => f.Reintegration).HasMaxLength(32);
        builder.Property(f => f.DiscontinuingImpact).HasMaxLength(32);
        builder.Property(f => f.Functions).HasJsonConversion();
        builder.Property(f => f.Chain).HasJsonConversion();
    }
}

/// <summary>Lengths of register identifiers.</summary>
public static class RegisterLimits
{
    /// <summary>Contract references, branch codes, other identifiers, the competent authority.</summary>
    public const int Code = 100;

    public const int MaxFunctions = 50;
}
