using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Scores;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Messaging;

/// <summary>
/// An engagement's risk scores changed: keep the newest (by the time the risk service computed
/// them), so that a redelivered or late announcement changes nothing.
/// </summary>
public sealed class RiskScoresChangedConsumer(EngagementsDb db, ITenantContext tenant)
    : IdempotentConsumer<RiskScoresChanged, EngagementsDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<RiskScoresChanged> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var score = await Db.RiskScores.SingleOrDefaultAsync(s => s.EngagementId == message.EngagementId, cancellationToken);
        if (score is null)
        {
            score = new EngagementRiskScore { TenantId = message.TenantId, EngagementId = message.EngagementId };
            Db.RiskScores.Add(score);
        }
        else if (message.ComputedAt < score.ComputedAt)
        {
            return;
        }

        score.Quality = message.Quality;
        score.Dependency = message.Dependency;
        score.Geopolitical = message.Geopolitical;
        score.Composite = message.Composite;
        score.Band = message.Band;
        score.ComputedAt = message.ComputedAt;
    }
}
