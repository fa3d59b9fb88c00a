using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Registers;

/// <summary>What the registers need about a provider that the provider record does not hold (its LEI stays on the provider).</summary>
public sealed class ProviderRegisterFacts : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid ProviderId { get; set; }

    /// <summary>An identifier other than the LEI (EUID, VAT number ...), with its eba_qCO type; required when the provider has no LEI.</summary>
    public string? OtherCode { get; set; }

    public string? OtherCodeType { get; set; }

    /// <summary>eba_CT:x212 (legal person) or x213 (individual acting in a business capacity).</summary>
    public string PersonType { get; set; } = RegisterCodes.LegalPerson;

    public string? UltimateParentCode { get; set; }

    public string? UltimateParentCodeType { get; set; }

    /// <summary>The provider belongs to the tenant's group: its arrangements are intra-group (B_02.03, B_03.03).</summary>
    public bool IntraGroup { get; set; }
}
