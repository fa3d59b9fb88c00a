using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// What the registers need about an engagement that the engagement does not hold. Contract dates,
/// notice period, value and currency, delivery, storage and processing countries, criticality and
/// data sensitivity stay on the engagement and are read from there.
/// </summary>
public sealed class EngagementRegisterFacts : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>The contractual arrangement's reference number (B_02.01.0010); unique per arrangement.</summary>
    public string ContractReference { get; set; } = "";

    public string ArrangementType { get; set; } = RegisterCodes.Standalone;

    public string? OverarchingReference { get; set; }

    /// <summary>The group entity making use of the service and signing for it; the reporting entity when null.</summary>
    public string? EntityLei { get; set; }

    /// <summary>The branch of that entity using the service, if a branch does.</summary>
    public string? BranchCode { get; set; }

    public string? IctServiceType { get; set; }

    public string? TerminationReason { get; set; }

    public int? ProviderNoticePeriodDays { get; set; }

    public string? GoverningLawCountry { get; set; }

    public string? Reliance { get; set; }

    public string? Substitutability { get; set; }

    public string? NonSubstitutabilityReason { get; set; }

    public bool? ExitPlan { get; set; }

    public string? Reintegration { get; set; }

    public string? DiscontinuingImpact { get; set; }

    public bool? AlternativesIdentified { get; set; }

    public List<string> AlternativeProviders { get; set; } = [];

    public DateOnly? LastRiskAssessment { get; set; }

    public DateOnly? LastAudit { get; set; }

    public List<RegisterFunction> Functions { get; set; } = [];

    /// <summary>Fourth parties: the provider's subcontractors for this service, ranked (2 = the provider's own subcontractor, 3 = theirs ...).</summary>
    public List<ChainLink> Chain { get; set; } = [];
}

/// <summary>A function of the entity that the engagement's service supports (B_06.01).</summary>
public sealed record RegisterFunction
{
    public string Identifier { get; init; } = "";

    public string Name { get; init; } = "";

    public string LicensedActivity { get; init; } = "";

    /// <summary>eba_BT: critical or important (yes / no / not assessed); from the engagement's criticality when null.</summary>
    public string? Critical { get; init; }

    public string? CriticalityReasons { get; init; }

    public DateOnly? AssessedOn { get; init; }

    public int? RtoHours { get; init; }

    public int? RpoHours { get; init; }

    public string? Impact { get; init; }
}

/// <summary>One subcontractor in an engagement's service chain: a provider record, its rank, and whom it serves (the engagement's provider when null).</summary>
public sealed record ChainLink
{
    public Guid ProviderId { get; init; }

    public int Rank { get; init; }

    public Guid? RecipientProviderId { get; init; }
}
