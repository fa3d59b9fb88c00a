using Sourcing.Contracts;
using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Sla.Engagements;

/// <summary>
/// This service's copy of an engagement, kept from EngagementCreated/Changed/Terminated: only what
/// SLAs need (the contract's start and end, its annual value for service credits, the status).
/// </summary>
public sealed class KnownEngagement : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>planned, active or terminated.</summary>
    public string Status { get; set; } = "";

    public string Criticality { get; set; } = "";

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public decimal? AnnualValue { get; set; }

    public string? Currency { get; set; }

    /// <summary>The engagement's version in the engagements service; older events are ignored.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsTerminated => Status == "terminated";

    /// <summary>The last day a terminated engagement accepts measurements for; null while it runs.</summary>
    public DateOnly? End => IsTerminated ? TerminatedOn ?? ContractEnd : null;

    public void Apply(EngagementState state, DateTimeOffset now)
    {
        Name = state.Name;
        Status = state.Status;
        Criticality = state.Criticality;
        ContractStart = state.Contract?.Start;
        ContractEnd = state.Contract?.End;
        TerminatedOn = state.TerminatedOn;
        AnnualValue = state.Contract?.AnnualValue;
        Currency = state.Contract?.Currency;
        Version = state.Version;
        UpdatedAt = now;
    }
}
