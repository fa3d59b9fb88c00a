namespace Sourcing.Engagements.Engagements;

// Codes of the engagement's fields (kebab-case words of DOMAIN.md), beside SourceKinds,
// EngagementScopes, BusinessProcesses and DataSensitivities of Sourcing.Contracts.

public static class PlacesOfWork
{
    public const string ProviderPremises = "provider-premises";
    public const string TenantPremises = "tenant-premises";

    public static readonly IReadOnlyList<string> All = [ProviderPremises, TenantPremises];
}

public static class Criticalities
{
    public const string Critical = "critical";
    public const string Important = "important";
    public const string Standard = "standard";

    public static readonly IReadOnlyList<string> All = [Critical, Important, Standard];
}

public static class EngagementStatuses
{
    public const string Planned = "planned";
    public const string Active = "active";
    public const string Terminated = "terminated";

    public static readonly IReadOnlyList<string> All = [Planned, Active, Terminated];
}

public static class PricingModels
{
    public const string PerTransaction = "per-transaction";
    public const string PerFte = "per-fte";
    public const string FixedFee = "fixed-fee";
    public const string TimeAndMaterials = "time-and-materials";
    public const string PerMilestone = "per-milestone";

    public static readonly IReadOnlyList<string> All = [PerTransaction, PerFte, FixedFee, TimeAndMaterials, PerMilestone];
}
