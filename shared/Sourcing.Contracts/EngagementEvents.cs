namespace Sourcing.Contracts;

// Event-carried state: each event holds the whole current state of its subject, so the SLA and
// risk services keep their own copies without calling back. Codes are the kebab-case words of
// DOMAIN.md (see the constants classes below).

/// <summary>A third-party provider was added to the tenant's inventory.</summary>
public sealed record ProviderRegistered : IntegrationEvent
{
    public required ProviderState Provider { get; init; }
}

/// <summary>A provider's details changed.</summary>
public sealed record ProviderChanged : IntegrationEvent
{
    public required ProviderState Provider { get; init; }

    public required IReadOnlyList<string> ChangedFields { get; init; }
}

/// <summary>A provider without active engagements was deleted.</summary>
public sealed record ProviderDeleted : IntegrationEvent
{
    public required Guid ProviderId { get; init; }
}

/// <summary>An entity the tenant holds a stake in was registered: a captive centre (over 50 % and sole control) or a partnership.</summary>
public sealed record CaptiveCentreRegistered : IntegrationEvent
{
    public required CaptiveCentreState CaptiveCentre { get; init; }
}

public sealed record CaptiveCentreChanged : IntegrationEvent
{
    public required CaptiveCentreState CaptiveCentre { get; init; }

    public required IReadOnlyList<string> ChangedFields { get; init; }
}

public sealed record EngagementCreated : IntegrationEvent
{
    public required EngagementState Engagement { get; init; }
}

public sealed record EngagementChanged : IntegrationEvent
{
    public required EngagementState Engagement { get; init; }

    public required IReadOnlyList<string> ChangedFields { get; init; }
}

public sealed record EngagementTerminated : IntegrationEvent
{
    public required EngagementState Engagement { get; init; }
}

public sealed record ProviderState
{
    public required Guid Id { get; init; }

    public required string LegalName { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string HqCountry { get; init; }

    public required IReadOnlyList<string> DeliveryCountries { get; init; }

    public required IReadOnlyList<Certification> Certifications { get; init; }

    public string? Website { get; init; }

    public string? ContactName { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>ISO 17442 legal-entity identifier, where known (for the regulators' registers).</summary>
    public string? Lei { get; init; }

    /// <summary>Fourth parties: this provider's own subcontractors (provider ids), ranked in the chain (1 = direct).</summary>
    public IReadOnlyList<Subcontractor> Subcontractors { get; init; } = [];

    public required int Version { get; init; }
}

/// <summary>A certificate such as ISO 27001 or SOC 2; current while today is on or before ValidUntil.</summary>
public sealed record Certification(string Name, DateOnly? ValidUntil);

public sealed record Subcontractor(Guid ProviderId, int Rank);

public sealed record CaptiveCentreState
{
    public required Guid Id { get; init; }

    public required string LegalEntity { get; init; }

    public required string Country { get; init; }

    /// <summary>0..100.</summary>
    public required decimal OwnershipPercent { get; init; }

    /// <summary>Control shared with a partner: a partnership whatever the share.</summary>
    public required bool SharedControl { get; init; }

    /// <summary>"captive-centre" or "partnership", derived from the ownership share and control.</summary>
    public required string Kind { get; init; }

    public int? Headcount { get; init; }

    public required IReadOnlyList<string> Functions { get; init; }

    public decimal? AnnualOperatingCost { get; init; }

    /// <summary>ISO 4217; the local currency by default.</summary>
    public string? Currency { get; init; }

    public string? Lei { get; init; }

    public required int Version { get; init; }
}

public sealed record EngagementState
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>provider, captive-centre or partnership (see <see cref="SourceKinds"/>).</summary>
    public required string SourceKind { get; init; }

    public Guid? ProviderId { get; init; }

    public Guid? CaptiveCentreId { get; init; }

    /// <summary>whole-process or task (see <see cref="EngagementScopes"/>).</summary>
    public required string Scope { get; init; }

    /// <summary>One of <see cref="BusinessProcesses"/>.</summary>
    public required string BusinessProcess { get; init; }

    public required string DeliveryCountry { get; init; }

    public string? DeliverySite { get; init; }

    /// <summary>IANA zone of the delivery site.</summary>
    public required string DeliveryTimeZone { get; init; }

    /// <summary>ISO 639-1 languages spoken at the delivery site.</summary>
    public required IReadOnlyList<string> DeliveryLanguages { get; init; }

    /// <summary>provider-premises or tenant-premises.</summary>
    public required string PlaceOfWork { get; init; }

    public int? Headcount { get; init; }

    public required bool Core { get; init; }

    /// <summary>Flags of <see cref="DataSensitivities"/>; empty means none.</summary>
    public required IReadOnlyList<string> DataSensitivity { get; init; }

    /// <summary>critical, important or standard.</summary>
    public required string Criticality { get; init; }

    /// <summary>The vendor manager who owns the engagement (a user id of the tenant).</summary>
    public Guid? OwnerUserId { get; init; }

    /// <summary>planned, active or terminated.</summary>
    public required string Status { get; init; }

    public ContractTerms? Contract { get; init; }

    public required EngagementClassification Classification { get; init; }

    /// <summary>Business functions the engagement supports (for the outsourcing register).</summary>
    public IReadOnlyList<string> BusinessFunctions { get; init; } = [];

    public IReadOnlyList<string> DataStorageCountries { get; init; } = [];

    public IReadOnlyList<string> DataProcessingCountries { get; init; } = [];

    public DateOnly? TerminatedOn { get; init; }

    public required int Version { get; init; }
}

public sealed record ContractTerms
{
    public required DateOnly Start { get; init; }

    /// <summary>Null for open-ended.</summary>
    public DateOnly? End { get; init; }

    public required int NoticePeriodDays { get; init; }

    public required bool AutoRenewal { get; init; }

    /// <summary>per-transaction, per-fte, fixed-fee, time-and-materials or per-milestone.</summary>
    public required string PricingModel { get; init; }

    public decimal? AnnualValue { get; init; }

    /// <summary>ISO 4217.</summary>
    public string? Currency { get; init; }

    public string? ServiceCreditTerms { get; init; }

    /// <summary>renew, exit or undecided (see <see cref="RenewalDecisions"/>); undecided in events written before it existed.</summary>
    public string RenewalDecision { get; init; } = RenewalDecisions.Undecided;
}

/// <summary>
/// The computed classification of DOMAIN.md, with its reason in words. <paramref name="LocationGapHours"/>
/// is DOMAIN's location gap, the one the grade is read from: the mean of the hours between the delivery
/// site's and HQ's UTC offsets at 12:00 UTC on 15 January and 15 July of <paramref name="LocationGapYear"/>
/// (null in events from before it was carried). Consumers take grade and gap from here, never recompute them.
/// </summary>
public sealed record EngagementClassification(
    string Kind, string Label, string LocationGrade, string Reason, decimal? LocationGapHours = null, int? LocationGapYear = null);

public static class SourceKinds
{
    public const string Provider = "provider";
    public const string CaptiveCentre = "captive-centre";
    public const string Partnership = "partnership";
}

/// <summary>What the tenant decided about a contract's renewal; the notice-window alert is about contracts still undecided.</summary>
public static class RenewalDecisions
{
    public const string Renew = "renew";
    public const string Exit = "exit";
    public const string Undecided = "undecided";

    public static readonly IReadOnlyList<string> All = [Renew, Exit, Undecided];
}

public static class EngagementScopes
{
    public const string WholeProcess = "whole-process";
    public const string Task = "task";

    public static readonly IReadOnlyList<string> All = [WholeProcess, Task];
}

public static class DataSensitivities
{
    public const string Personal = "personal";
    public const string Financial = "financial";
    public const string Health = "health";
    public const string LegalPrivilege = "legal-privilege";
    public const string ConfidentialIp = "confidential-ip";

    public static readonly IReadOnlyList<string> All = [Personal, Financial, Health, LegalPrivilege, ConfidentialIp];

    /// <summary>High sensitivity = any of financial, health, legal privilege.</summary>
    public static readonly IReadOnlyList<string> High = [Financial, Health, LegalPrivilege];
}
