using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.CaptiveCentres;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Findings;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Tenancy;

namespace Sourcing.Engagements.Data;

internal sealed class TenantProfileConfiguration : IEntityTypeConfiguration<TenantProfile>
{
    public void Configure(EntityTypeBuilder<TenantProfile> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.TenantId);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.HqCountry).HasMaxLength(2);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.ReportingCurrency).HasMaxLength(3);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.ToTable("providers");
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.HasIndex(p => new { p.TenantId, p.LegalName });
        builder.Property(p => p.LegalName).HasMaxLength(Limits.Name);
        builder.Property(p => p.HqCountry).HasMaxLength(2);
        builder.Property(p => p.Certifications).HasJsonConversion();
        builder.Property(p => p.Subcontractors).HasJsonConversion();
        builder.Property(p => p.Website).HasMaxLength(Limits.Url);
        builder.Property(p => p.ContactName).HasMaxLength(Limits.Name);
        builder.Property(p => p.ContactEmail).HasMaxLength(254);
        builder.Property(p => p.Lei).HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.ETag);
    }
}

internal sealed class CaptiveCentreConfiguration : IEntityTypeConfiguration<CaptiveCentre>
{
    public void Configure(EntityTypeBuilder<CaptiveCentre> builder)
    {
        builder.ToTable("captive_centres");
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.LegalEntity).HasMaxLength(Limits.Name);
        builder.Property(c => c.Country).HasMaxLength(2);
        builder.Property(c => c.OwnershipPercent).HasPrecision(5, 2);
        builder.Property(c => c.AnnualOperatingCost).HasPrecision(18, 2);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.Lei).HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.ETag);
        builder.Ignore(c => c.Kind);
    }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable("engagements");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.HasIndex(e => new { e.TenantId, e.ProviderId });
        builder.HasIndex(e => new { e.TenantId, e.CaptiveCentreId });
        builder.HasIndex(e => new { e.TenantId, e.Status, e.BusinessProcess });
        builder.HasOne<Provider>().WithMany().HasForeignKey(e => new { e.TenantId, e.ProviderId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaptiveCentre>().WithMany().HasForeignKey(e => new { e.TenantId, e.CaptiveCentreId }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Name).HasMaxLength(Limits.Name);
        builder.Property(e => e.SourceKind).HasMaxLength(32);
        builder.Property(e => e.Scope).HasMaxLength(32);
        builder.Property(e => e.BusinessProcess).HasMaxLength(32);
        builder.Property(e => e.DeliveryCountry).HasMaxLength(2);
        builder.Property(e => e.DeliverySite).HasMaxLength(Limits.Name);
        builder.Property(e => e.DeliveryTimeZone).HasMaxLength(64);
        builder.Property(e => e.PlaceOfWork).HasMaxLength(32);
        builder.Property(e => e.Criticality).HasMaxLength(32);
        builder.Property(e => e.Status).HasMaxLength(32);
        builder.Property(e => e.PricingModel).HasMaxLength(32);
        builder.Property(e => e.AnnualValue).HasPrecision(18, 2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.ServiceCreditTerms).HasMaxLength(Limits.LongText);
        builder.Property(e => e.RenewalDecision).HasMaxLength(16);
        builder.Property(e => e.ClassificationKind).HasMaxLength(64);
        builder.Property(e => e.ClassificationLabel).HasMaxLength(128);
        builder.Property(e => e.LocationGrade).HasMaxLength(16);
        builder.Property(e => e.LocationGapHours).HasPrecision(4, 2);
        builder.Property(e => e.ClassificationReason).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.ETag);
        builder.Ignore(e => e.Contract);
        builder.Ignore(e => e.Classification);
        builder.Ignore(e => e.HasContract);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.SubjectId, a.ChangedAt });
        builder.Property(a => a.SubjectType).HasMaxLength(32);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Field).HasMaxLength(64);
        builder.Property(a => a.ChangedBy).HasMaxLength(200);
        builder.Property(a => a.ChangedByName).HasMaxLength(200);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<Import.ImportJob>
{
    public void Configure(EntityTypeBuilder<Import.ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.HasKey(j => new { j.TenantId, j.Id });
        builder.Property(j => j.Kind).HasMaxLength(32);
        builder.Property(j => j.Status).HasMaxLength(32);
        builder.Property(j => j.Phase).HasMaxLength(32);
        builder.Property(j => j.StartedBy).HasMaxLength(200);
    }
}

/// <summary>Longest strings the API accepts (and the columns hold).</summary>
public static class Limits
{
    public const int Name = 200;
    public const int Url = 300;
    public const int LongText = 2000;
    public const int ShortText = 100;
    public const int MaxListItems = 50;

    /// <summary>Largest CSV upload: 50 MiB (413 above).</summary>
    public const long ImportBytes = 50L * 1024 * 1024;
}

internal sealed class PolicyFindingsCopyConfiguration : IEntityTypeConfiguration<PolicyFindingsCopy>
{
    public void Configure(EntityTypeBuilder<PolicyFindingsCopy> builder)
    {
        builder.ToTable("policy_findings");
        builder.HasKey(p => new { p.TenantId, p.EngagementId });
        builder.Property(p => p.Findings).HasJsonConversion();
    }
}
