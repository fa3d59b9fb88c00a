using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Findings;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Messaging;

/// <summary>The risk service judged an engagement's policy checks: keep the current set (an older evaluation is ignored).</summary>
public sealed class PolicyFindingsChangedConsumer(EngagementsDb db, ITenantContext tenant)
    : IdempotentConsumer<PolicyFindingsChanged, EngagementsDb>(db, tenant)
{
    protected override async Task Handle(ConsumeContext<PolicyFindingsChanged> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var copy = await Db.PolicyFindings.SingleOrDefaultAsync(p => p.EngagementId == message.EngagementId, cancellationToken);
        if (copy is null)
        {
            copy = new PolicyFindingsCopy { TenantId = message.TenantId, EngagementId = message.EngagementId };
            Db.PolicyFindings.Add(copy);
        }
        else if (message.EvaluatedAt <= copy.EvaluatedAt)
        {
            return;
        }

        copy.Findings = [.. message.Findings];
        copy.EvaluatedAt = message.EvaluatedAt;
    }
}
