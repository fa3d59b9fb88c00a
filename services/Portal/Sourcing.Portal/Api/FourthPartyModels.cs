namespace Sourcing.Portal.Api;

/// <summary>The portfolio's shared fourth parties on a date, over the active engagements and the active critical ones.</summary>
public sealed record FourthPartyPortfolio(DateOnly Date, int ActiveEngagements, int ActiveCriticalEngagements, IReadOnlyList<SharedFourthParty> FourthParties);

/// <summary>A provider in the chains of active engagements: how many depend on it, their share, the critical ones, and the engagements behind the figures.</summary>
public sealed record SharedFourthParty(
    Guid ProviderId,
    string LegalName,
    string HqCountry,
    string? Lei,
    IReadOnlyList<int> Ranks,
    int EngagementCount,
    decimal SharePercent,
    int CriticalEngagementCount,
    decimal? CriticalSharePercent,
    IReadOnlyList<DependentEngagement> Engagements);

/// <summary>An engagement whose chain holds a fourth party, with its source and the ranks it holds it at.</summary>
public sealed record DependentEngagement(Guid Id, string Name, Guid? ProviderId, Guid? CaptiveCentreId, string SourceName, string Criticality, IReadOnlyList<int> Ranks);

/// <summary>A provider's chains (its active engagements' subcontractors) and the active chains it is a fourth party in.</summary>
public sealed record ProviderFourthParties(Guid ProviderId, string LegalName, DateOnly Date, IReadOnlyList<ProviderChain> Chains, IReadOnlyList<FourthPartyRole> AsFourthParty);

/// <summary>An engagement with the provider and its service's subcontractors by rank.</summary>
public sealed record ProviderChain(Guid EngagementId, string EngagementName, string Criticality, IReadOnlyList<ChainMember> Subcontractors);

/// <summary>A subcontractor in a chain and whom it serves.</summary>
public sealed record ChainMember(Guid ProviderId, string LegalName, string HqCountry, string? Lei, int Rank, Guid? RecipientProviderId, string RecipientName);

/// <summary>An engagement of another source whose chain holds the provider.</summary>
public sealed record FourthPartyRole(
    Guid EngagementId, string EngagementName, string Criticality, Guid? ProviderId, Guid? CaptiveCentreId, string SourceName, IReadOnlyList<ChainPosition> Positions);

/// <summary>A fourth party's rank in a chain and whom it serves there.</summary>
public sealed record ChainPosition(int Rank, Guid? RecipientProviderId, string RecipientName);
