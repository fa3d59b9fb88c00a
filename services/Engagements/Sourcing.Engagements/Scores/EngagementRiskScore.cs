using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Scores;

/// <summary>
/// The engagements service's copy of an engagement's current risk scores (the risk service owns
/// them and announces each change with RiskScoresChanged), kept so that exports show them.
/// </summary>
public sealed class EngagementRiskScore : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid EngagementId { get; set; }

    public decimal? Quality { get; set; }

    public decimal? Dependency { get; set; }

    public decimal? Geopolitical { get; set; }

    public decimal? Composite { get; set; }

    /// <summary>low, medium, high or critical; null when no score exists.</summary>
    public string? Band { get; set; }

    /// <summary>When the risk service computed these; an older announcement arriving late changes nothing.</summary>
    public DateTimeOffset ComputedAt { get; set; }
}

internal sealed class EngagementRiskScoreConfiguration : IEntityTypeConfiguration<EngagementRiskScore>
{
    public void Configure(EntityTypeBuilder<EngagementRiskScore> builder)
    {
        builder.ToTable("engagement_risk_scores");
        builder.HasKey(s => new { s.TenantId, s.EngagementId });
        builder.Property(s => s.Quality).HasPrecision(7, 2);
        builder.Property(s => s.Dependency).HasPrecision(7, 2);
        builder.Property(s => s.Geopolitical).HasPrecision(7, 2);
        builder.Property(s => s.Composite).HasPrecision(7, 2);
        builder.Property(s => s.Band).HasMaxLength(16);
    }
}
