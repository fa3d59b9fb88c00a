using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Findings;

/// <summary>
/// This service's copy of an engagement's failing policy checks, as the risk service judged them
/// (PolicyFindingsChanged): the risk service owns the policy checks, this service shows them.
/// </summary>
public sealed class PolicyFindingsCopy : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid EngagementId { get; set; }

    public List<PolicyFindingState> Findings { get; set; } = [];

    /// <summary>When the risk service evaluated them; an older evaluation arriving late is ignored.</summary>
    public DateTimeOffset EvaluatedAt { get; set; }
}
