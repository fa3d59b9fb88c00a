using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts;
using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Messaging;

/// <summary>
/// An engagement's risk scores changed: keep the newest (by the time the risk service computed
/// them), so that a redelivered or late announcement changes nothing. One upsert, so that two
/// announcements for one engagement consumed at once cannot both insert.
/// </summary>
public sealed class RiskScoresChangedConsumer(EngagementsDb db, ITenantContext tenant)
    : IdempotentConsumer<RiskScoresChanged, EngagementsDb>(db, tenant)
{
    private const string Upsert = """
        INSERT INTO engagement_risk_scores (tenant_id, engagement_id, quality, dependency, geopolitical, composite, band, computed_at)
        VALUES (@tenant, @engagement, @quality, @dependency, @geopolitical, @composite, @band, @computed)
        ON CONFLICT (tenant_id, engagement_id) DO UPDATE
        SET quality = excluded.quality, dependency = excluded.dependency, geopolitical = excluded.geopolitical,
            composite = excluded.composite, band = excluded.band, computed_at = excluded.computed_at
        WHERE engagement_risk_scores.computed_at <= excluded.computed_at
        """;

    protected override async Task Handle(ConsumeContext<RiskScoresChanged> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        await Db.Database.ExecuteSqlRawAsync(
            Upsert,
            [
                new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = m.TenantId },
                new NpgsqlParameter("engagement", NpgsqlDbType.Uuid) { Value = m.EngagementId },
                Score("quality", m.Quality),
                Score("dependency", m.Dependency),
                Score("geopolitical", m.Geopolitical),
                Score("composite", m.Composite),
                new NpgsqlParameter("band", NpgsqlDbType.Varchar) { Value = (object?)m.Band ?? DBNull.Value },
                new NpgsqlParameter("computed", NpgsqlDbType.TimestampTz) { Value = m.ComputedAt.ToUniversalTime() },
            ],
            cancellationToken);
    }

    private static NpgsqlParameter Score(string name, decimal? value) =>
        new(name, NpgsqlDbType.Numeric) { Value = (object?)value ?? DBNull.Value };
}
