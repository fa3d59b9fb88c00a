namespace Sourcing.Engagements.FourthParties;

/// <summary>
/// The portfolio's shared fourth parties on a date. The denominators: <paramref name="ActiveEngagements"/>
/// (the tenant's engagements active on the date, whatever their source) and
/// <paramref name="ActiveCriticalEngagements"/> (those of them whose criticality is critical).
/// </summary>
public sealed record FourthPartyPortfolioResponse(DateOnly Date, int ActiveEngagements, int ActiveCriticalEngagements, IReadOnlyList<SharedFourthParty> FourthParties);

/// <summary>
/// A provider that is a subcontractor (rank 2 or more) in at least one active engagement's chain: how
/// many active engagements depend on it and their share, the same among critical engagements (null when
/// there is none), the ranks it appears at, and the engagements behind the figures.
/// </summary>
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

/// <summary>An engagement whose chain holds the fourth party: its source (provider, or captive centre or partnership) and the ranks it holds it at.</summary>
public sealed record DependentEngagement(Guid Id, string Name, Guid? ProviderId, Guid? CaptiveCentreId, string SourceName, string Criticality, IReadOnlyList<int> Ranks);

/// <summary>One provider's fourth parties on a date: the chains under its active engagements, and the active chains it is a fourth party in.</summary>
public sealed record ProviderFourthPartiesResponse(Guid ProviderId, string LegalName, DateOnly Date, IReadOnlyList<ProviderChain> Chains, IReadOnlyList<FourthPartyRole> AsFourthParty);

/// <summary>An active engagement with the provider and the subcontractors of its service, by rank (empty when none is recorded).</summary>
public sealed record ProviderChain(Guid EngagementId, string EngagementName, string Criticality, IReadOnlyList<ChainMember> Subcontractors);

/// <summary>A subcontractor in a chain: the provider record, its rank and whom it serves (the engagement's source when the recipient id is null).</summary>
public sealed record ChainMember(Guid ProviderId, string LegalName, string HqCountry, string? Lei, int Rank, Guid? RecipientProviderId, string RecipientName);

/// <summary>An active engagement of another source whose chain holds the provider, with where it sits in it.</summary>
public sealed record FourthPartyRole(
    Guid EngagementId, string EngagementName, string Criticality, Guid? ProviderId, Guid? CaptiveCentreId, string SourceName, IReadOnlyList<ChainPosition> Positions);

/// <summary>Where a fourth party sits in a chain: its rank and whom it serves.</summary>
public sealed record ChainPosition(int Rank, Guid? RecipientProviderId, string RecipientName);
