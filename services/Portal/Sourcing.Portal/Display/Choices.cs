namespace Sourcing.Portal.Display;

/// <summary>The codes the engagements list filters take (docs/engagements.md), offered by name.</summary>
public static class Choices
{
    public static readonly IReadOnlyList<string> BusinessProcesses =
    [
        "customer-service", "hr-payroll", "accounting", "it-services", "data-entry", "legal", "marketing", "transcription",
        "other-service", "manufacturing", "logistics",
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Classifications =
    [
        ("insourcing", "insourcing (on-site third party)"),
        ("insourcing-abroad", "insourcing (on-site third party, abroad)"),
        ("bpo-outsourcing", "BPO outsourcing (domestic)"),
        ("offshore-bpo-outsourcing", "offshore BPO outsourcing"),
        ("outsourcing", "outsourcing (domestic)"),
        ("offshore-outsourcing", "offshore outsourcing"),
        ("production-outsourcing", "outsourcing (contract manufacturing / logistics)"),
        ("offshore-production-outsourcing", "offshore outsourcing (contract manufacturing / logistics)"),
        ("in-house", "in-house (domestic subsidiary)"),
        ("offshoring-captive-centre", "offshoring (captive centre)"),
        ("domestic-partnership", "domestic partnership"),
        ("offshoring-partnership", "offshoring (partnership / joint venture)"),
    ];

    public static readonly IReadOnlyList<string> LocationGrades = ["onshore", "nearshore", "offshore"];

    public static readonly IReadOnlyList<string> Criticalities = ["critical", "important", "standard"];

    public static readonly IReadOnlyList<string> Statuses = ["planned", "active", "terminated"];

    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
    [
        ("name", "name"), ("country", "country"), ("process", "business process"), ("criticality", "criticality"),
        ("classification", "classification"), ("-annualValue", "annual value, highest first"), ("contractEnd", "contract end, soonest first"),
        ("-updatedAt", "recently changed"),
    ];

    public static readonly IReadOnlyList<string> AlertStatuses = ["open", "acknowledged", "resolved"];

    /// <summary>The alert kinds the risk API raises (its AlertKinds), offered by name in the alerts filter.</summary>
    public static readonly IReadOnlyList<string> AlertKinds =
    [
        "band-rise", "score-threshold", "sla-breach", "notice-window", "country-concentration", "policy-not-advisable-to-offshore",
        "policy-sensitive-data-in-high-risk-country", "policy-sensitive-data-without-certification", "policy-single-sourced-critical-process",
        "policy-core-process-outsourced", "policy-not-monitored",
    ];

    /// <summary>What a bulk action on alerts can do, as the risk API names it.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> AlertActions =
        [("acknowledge", "Acknowledge"), ("resolve", "Resolve"), ("assign", "Assign")];

    /// <summary>A member's roles in the company, as the tenants API names them.</summary>
    public static readonly IReadOnlyList<string> MemberRoles = ["admin", "vendor-manager", "viewer"];

    /// <summary>The scopes an API client may be given, with what each lets an integration do.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> ApiScopes =
    [
        ("tenants:read", "read the company's settings"),
        ("engagements:read", "read engagements, providers and captive centres"),
        ("engagements:write", "add and change engagements, providers and captive centres"),
        ("sla:read", "read SLAs and measurements"),
        ("sla:write", "define SLAs and send measurements"),
        ("risk:read", "read scores, alerts and the portfolio"),
    ];

    public static readonly IReadOnlyList<string> DigestFrequencies = ["daily", "weekly", "monthly"];

    public static readonly IReadOnlyList<string> Bands = ["low", "medium", "high", "critical"];

    public static readonly IReadOnlyList<(string Code, string Label)> DigestScopes = [("mine", "my engagements"), ("all", "all the company's engagements")];

    /// <summary>ISO weekdays, 1 Monday to 7 Sunday, as the API numbers them.</summary>
    public static readonly IReadOnlyList<(int Number, string Name)> Weekdays =
        [(1, "Monday"), (2, "Tuesday"), (3, "Wednesday"), (4, "Thursday"), (5, "Friday"), (6, "Saturday"), (7, "Sunday")];

    public static readonly IReadOnlyList<string> SlaDirections = ["at-least", "at-most"];

    public static readonly IReadOnlyList<string> SlaPeriods = ["daily", "weekly", "monthly"];

    public static readonly IReadOnlyList<(string Code, string Label)> Scopes = [("whole-process", "the whole process"), ("task", "a task of the process")];

    public static readonly IReadOnlyList<(string Code, string Label)> PlacesOfWork =
        [("provider-premises", "at the provider's or centre's premises"), ("tenant-premises", "on our own premises")];

    public static readonly IReadOnlyList<string> DataSensitivities = ["personal", "financial", "health", "legal-privilege", "confidential-ip"];

    public static readonly IReadOnlyList<string> PricingModels = ["per-transaction", "per-fte", "fixed-fee", "time-and-materials", "per-milestone"];

    public static readonly IReadOnlyList<string> RenewalDecisions = ["undecided", "renew", "exit"];

    /// <summary>The sorts of the providers list (GET api/providers).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> ProviderSorts =
        [("legalName", "name"), ("-legalName", "name, Z to A"), ("hqCountry", "headquarters country"), ("-createdAt", "newest first"), ("createdAt", "oldest first")];

    public static readonly IReadOnlyList<string> CaptiveCentreKinds = ["captive-centre", "partnership"];
}
