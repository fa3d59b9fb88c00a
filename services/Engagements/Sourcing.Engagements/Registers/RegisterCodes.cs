namespace Sourcing.Engagements.Registers;

/// <summary>
/// The closed lists of the EBA DORA taxonomy 4.0 that register facts take, as their codes with the
/// code-list prefix (<c>eba_CT:x12</c>), so that a stored value is written to the package as it is.
/// </summary>
public static class RegisterCodes
{
    /// <summary>eba_CT: type of entity (B_01.01.0040, B_01.02.0040).</summary>
    public static readonly IReadOnlyList<string> EntityTypes =
    [
        "eba_CT:x12", "eba_CT:x599", "eba_CT:x643", "eba_CT:x639", "eba_CT:x300", "eba_CT:x301", "eba_CT:x302", "eba_CT:x303",
        "eba_CT:x304", "eba_CT:x305", "eba_CT:x306", "eba_CT:x307", "eba_CT:x308", "eba_CT:x309", "eba_CT:x310", "eba_CT:x311",
        "eba_CT:x312", "eba_CT:x313", "eba_CT:x314", "eba_CT:x315", "eba_CT:x316", "eba_CT:x317", "eba_CT:x318", "eba_CT:x320",
    ];

    /// <summary>eba_RP: hierarchy of the entity within the group (B_01.02.0050).</summary>
    public static readonly IReadOnlyList<string> Hierarchies = ["eba_RP:x53", "eba_RP:x551", "eba_RP:x56", "eba_RP:x21", "eba_RP:x210"];

    public const string UltimateParent = "eba_RP:x53";

    /// <summary>eba_CO: type of contractual arrangement (B_02.01.0020).</summary>
    public static readonly IReadOnlyList<string> ArrangementTypes = ["eba_CO:x1", "eba_CO:x2", "eba_CO:x3"];

    public const string Standalone = "eba_CO:x1";

    /// <summary>eba_CO: reason of the termination or ending (B_02.02.0090).</summary>
    public static readonly IReadOnlyList<string> TerminationReasons = ["eba_CO:x4", "eba_CO:x5", "eba_CO:x6", "eba_CO:x7", "eba_CO:x8", "eba_CO:x9"];

    /// <summary>eba_TA: type of ICT services (B_02.02.0060, B_05.02.0020, B_07.01.0040).</summary>
    public static readonly IReadOnlyList<string> IctServiceTypes =
        [.. Enumerable.Range(1, 19).Select(i => $"eba_TA:S{i:00}")];

    /// <summary>eba_ZZ: level of reliance (B_02.02.0180).</summary>
    public static readonly IReadOnlyList<string> RelianceLevels = ["eba_ZZ:x794", "eba_ZZ:x795", "eba_ZZ:x796", "eba_ZZ:x797"];

    /// <summary>eba_ZZ: low, medium, high (sensitiveness of data B_02.02.0170; impact of discontinuing B_06.01.0100, B_07.01.0100).</summary>
    public static readonly IReadOnlyList<string> Levels = ["eba_ZZ:x791", "eba_ZZ:x792", "eba_ZZ:x793"];

    /// <summary>eba_ZZ: impact of discontinuing, with "assessment not performed".</summary>
    public static readonly IReadOnlyList<string> Impacts = ["eba_ZZ:x791", "eba_ZZ:x792", "eba_ZZ:x793", "eba_ZZ:x799"];

    /// <summary>eba_BT: yes, no, assessment not performed (criticality of a function B_06.01.0050).</summary>
    public static readonly IReadOnlyList<string> Assessments = ["eba_BT:x28", "eba_BT:x29", "eba_BT:x21"];

    public const string Yes = "eba_BT:x28";
    public const string No = "eba_BT:x29";

    /// <summary>eba_ZZ: substitutability of the ICT third-party service provider (B_07.01.0050).</summary>
    public static readonly IReadOnlyList<string> Substitutabilities = ["eba_ZZ:x959", "eba_ZZ:x960", "eba_ZZ:x961", "eba_ZZ:x962"];

    /// <summary>eba_ZZ: reason for non-substitutability (B_07.01.0060).</summary>
    public static readonly IReadOnlyList<string> NonSubstitutabilityReasons = ["eba_ZZ:x963", "eba_ZZ:x964", "eba_ZZ:x965"];

    /// <summary>eba_ZZ: possibility of reintegration (B_07.01.0090).</summary>
    public static readonly IReadOnlyList<string> Reintegrations = ["eba_ZZ:x798", "eba_ZZ:x966", "eba_ZZ:x967"];

    /// <summary>eba_CT: type of person of the provider (B_05.01.0070).</summary>
    public static readonly IReadOnlyList<string> PersonTypes = ["eba_CT:x212", "eba_CT:x213"];

    public const string LegalPerson = "eba_CT:x212";

    /// <summary>eba_qCO: type of code identifying a provider (B_05.01.0020/0040, B_02.02.0040 ...). LEI is qx2000.</summary>
    public static readonly IReadOnlyList<string> CodeTypes = ["eba_qCO:qx2000", "eba_qCO:qx2001", "eba_qCO:qx2002", "eba_qCO:qx2003", "eba_qCO:qx2004", "eba_qCO:qx2005"];

    public const string LeiCode = "eba_qCO:qx2000";

    /// <summary>eba_ZZ: nature of the entity making use of the services (B_04.01.0030).</summary>
    public const string Branch = "eba_ZZ:x838";
    public const string NotBranch = "eba_ZZ:x839";

    /// <summary>eba_GA: "not applicable" where a key country column has no country.</summary>
    public const string NoCountry = "eba_GA:qx2007";

    /// <summary>Consolidated or individual report (the entityID's suffix).</summary>
    public static readonly IReadOnlyList<string> Consolidations = ["CON", "IND"];

    /// <summary>Licensed activity (eba_TA:x..) of a function: the taxonomy's list is long; the form is checked, the supervisor's validation checks the member.</summary>
    public static bool IsLicensedActivity(string value) =>
        value.StartsWith("eba_TA:x", StringComparison.Ordinal) && value.Length is > 8 and <= 12 && value[8..].All(char.IsAsciiDigit);

    public static string Country(string code) => $"eba_GA:{code}";

    public static string Currency(string code) => $"eba_CU:{code}";

    /// <summary>The ISO code behind an eba_GA: or eba_CU: value (null for "not applicable" or another list).</summary>
    public static string? Iso(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix, StringComparison.Ordinal) && !value.EndsWith("qx2007", StringComparison.Ordinal) ? value[prefix.Length..] : null;
}
