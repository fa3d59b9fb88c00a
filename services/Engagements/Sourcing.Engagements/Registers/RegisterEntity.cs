using Sourcing.ServiceDefaults.Tenancy;

namespace Sourcing.Engagements.Registers;

/// <summary>One legal entity of the tenant's group within the register's scope (B_01.02), keyed by its LEI.</summary>
public sealed class RegisterEntity : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string Lei { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>eba_CT code.</summary>
    public string EntityType { get; set; } = "";

    /// <summary>eba_RP code: ultimate parent, parent, subsidiary ...</summary>
    public string Hierarchy { get; set; } = "";

    /// <summary>The direct parent's LEI; the entity's own for the ultimate parent.</summary>
    public string? ParentLei { get; set; }

    public string Country { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal? TotalAssets { get; set; }

    /// <summary>When the entity entered the register (B_01.02.0080).</summary>
    public DateOnly IntegratedOn { get; set; }

    /// <summary>When its register facts last changed (B_01.02.0070).</summary>
    public DateOnly UpdatedOn { get; set; }

    /// <summary>When it left the register (B_01.02.0090); null while it is in.</summary>
    public DateOnly? DeletedOn { get; set; }
}

/// <summary>A branch of one of the group's entities (B_01.03), keyed by its code and its head office's LEI.</summary>
public sealed class RegisterBranch : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string Code { get; set; } = "";

    public string HeadOfficeLei { get; set; } = "";

    public string Name { get; set; } = "";

    public string Country { get; set; } = "";
}

/// <summary>The tenant's register as a whole: who reports it, to whom, consolidated or not, and any filing indicator declared by hand.</summary>
public sealed class RegisterSettings : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The entity maintaining and reporting the register (B_01.01); one of the register's entities.</summary>
    public string ReportingEntityLei { get; set; } = "";

    public string CompetentAuthority { get; set; } = "";

    /// <summary>CON or IND.</summary>
    public string Consolidation { get; set; } = "CON";

    /// <summary>Filing indicators the reporter declared (template code to reported); templates not named follow their content.</summary>
    public Dictionary<string, bool> DeclaredFilingIndicators { get; set; } = [];
}
