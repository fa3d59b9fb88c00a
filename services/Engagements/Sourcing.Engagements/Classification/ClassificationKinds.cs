namespace Sourcing.Engagements.Classification;

/// <summary>The rows of DOMAIN.md's classification table, as codes (the kind) and the table's words (the label).</summary>
public static class ClassificationKinds
{
    public const string Insourcing = "insourcing";
    public const string InsourcingAbroad = "insourcing-abroad";
    public const string BpoOutsourcing = "bpo-outsourcing";
    public const string OffshoreBpoOutsourcing = "offshore-bpo-outsourcing";
    public const string Outsourcing = "outsourcing";
    public const string OffshoreOutsourcing = "offshore-outsourcing";
    public const string ProductionOutsourcing = "production-outsourcing";
    public const string OffshoreProductionOutsourcing = "offshore-production-outsourcing";
    public const string InHouse = "in-house";
    public const string OffshoringCaptiveCentre = "offshoring-captive-centre";
    public const string DomesticPartnership = "domestic-partnership";
    public const string OffshoringPartnership = "offshoring-partnership";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Insourcing] = "insourcing (on-site third party)",
        [InsourcingAbroad] = "insourcing (on-site third party, abroad)",
        [BpoOutsourcing] = "BPO outsourcing (domestic)",
        [OffshoreBpoOutsourcing] = "offshore BPO outsourcing",
        [Outsourcing] = "outsourcing (domestic)",
        [OffshoreOutsourcing] = "offshore outsourcing",
        [ProductionOutsourcing] = "outsourcing (contract manufacturing / logistics)",
        [OffshoreProductionOutsourcing] = "offshore outsourcing (contract manufacturing / logistics)",
        [InHouse] = "in-house (domestic subsidiary)",
        [OffshoringCaptiveCentre] = "offshoring (captive centre)",
        [DomesticPartnership] = "domestic partnership",
        [OffshoringPartnership] = "offshoring (partnership / joint venture)",
    };

    public static readonly IReadOnlyList<string> All = [.. Labels.Keys];
}

/// <summary>Where the delivery site is against HQ (DOMAIN.md's location grade).</summary>
public static class LocationGrades
{
    public const string Onshore = "onshore";
    public const string Nearshore = "nearshore";
    public const string Offshore = "offshore";

    public static readonly IReadOnlyList<string> All = [Onshore, Nearshore, Offshore];
}
