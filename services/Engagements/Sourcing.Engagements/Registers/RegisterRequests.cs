using System.ComponentModel.DataAnnotations;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Registers;

/// <summary>The register as a whole.</summary>
public sealed record RegisterSettingsRequest(
    [property: Required, MaxLength(20)] string? ReportingEntityLei,
    [property: Required, MaxLength(RegisterLimits.Code)] string? CompetentAuthority,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Consolidations))] string? Consolidation,
    IReadOnlyDictionary<string, bool>? DeclaredFilingIndicators)
{
    public bool ValidateInto(RegisterSettings settings, ValidationErrors errors)
    {
        var lei = errors.Lei("reportingEntityLei", ReportingEntityLei);
        if (lei is null && !errors.Any)
        {
            errors.Add("reportingEntityLei", "is required.");
        }

        errors.Required("competentAuthority", CompetentAuthority, RegisterLimits.Code);
        if (Consolidation is not null)
        {
            errors.OneOf("consolidation", Consolidation, RegisterCodes.Consolidations);
        }

        foreach (var template in DeclaredFilingIndicators?.Keys ?? [])
        {
            if (!DoraTemplates.ByCode.ContainsKey(template))
            {
                errors.Add($"declaredFilingIndicators.{template}", $"'{template}' is not a template of the register (B_01.01 ... B_99.01).");
            }
        }

        if (errors.Any)
        {
            return false;
        }

        settings.ReportingEntityLei = lei!;
        settings.CompetentAuthority = CompetentAuthority!.Trim();
        settings.Consolidation = Consolidation ?? "CON";
        settings.DeclaredFilingIndicators = DeclaredFilingIndicators is null ? [] : new Dictionary<string, bool>(DeclaredFilingIndicators, StringComparer.Ordinal);
        return true;
    }
}

/// <summary>One of the group's entities; the LEI is the address.</summary>
public sealed record RegisterEntityRequest(
    [property: Required, MaxLength(Limits.Name)] string? Name,
    [property: Required, OneOf(typeof(RegisterCodes), nameof(RegisterCodes.EntityTypes))] string? EntityType,
    [property: Required, OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Hierarchies))] string? Hierarchy,
    [property: MaxLength(20)] string? ParentLei,
    [property: Required, MaxLength(2)] string? Country,
    [property: Required, MaxLength(3)] string? Currency,
    [property: Range(typeof(decimal), "0", "1000000000000000")] decimal? TotalAssets,
    DateOnly? IntegratedOn,
    DateOnly? DeletedOn)
{
    /// <summary>The documented maximum (the Range above, which minimal APIs do not enforce); the column holds up to 10^18.</summary>
    private const decimal MaxTotalAssets = 1_000_000_000_000_000m;

    public bool ValidateInto(RegisterEntity entity, ValidationErrors errors, DateOnly today)
    {
        errors.Required("name", Name, Limits.Name);
        errors.OneOf("entityType", EntityType, RegisterCodes.EntityTypes);
        errors.OneOf("hierarchy", Hierarchy, RegisterCodes.Hierarchies);
        var parent = errors.Lei("parentLei", ParentLei);
        errors.Country("country", Country);
        errors.Currency("currency", Currency);
        if (TotalAssets is < 0 or > MaxTotalAssets)
        {
            errors.Add("totalAssets", "must be between 0 and 1000000000000000.");
        }

        if (DeletedOn is { } deleted && IntegratedOn is { } integrated && deleted < integrated)
        {
            errors.Add("deletedOn", "must not be before integratedOn.");
        }

        if (errors.Any)
        {
            return false;
        }

        entity.Name = Name!.Trim();
        entity.EntityType = EntityType!;
        entity.Hierarchy = Hierarchy!;
        entity.ParentLei = parent;
        entity.Country = Country!;
        entity.Currency = Currency!;
        entity.TotalAssets = TotalAssets;
        entity.IntegratedOn = IntegratedOn ?? (entity.IntegratedOn == default ? today : entity.IntegratedOn);
        entity.DeletedOn = DeletedOn;
        entity.UpdatedOn = today;
        return true;
    }
}

/// <summary>A branch; the code is the address.</summary>
public sealed record RegisterBranchRequest(
    [property: Required, MaxLength(20)] string? HeadOfficeLei,
    [property: Required, MaxLength(Limits.Name)] string? Name,
    [property: Required, MaxLength(2)] string? Country)
{
    public bool ValidateInto(RegisterBranch branch, ValidationErrors errors)
    {
        var lei = errors.Lei("headOfficeLei", HeadOfficeLei);
        if (lei is null && !errors.Any)
        {
            errors.Add("headOfficeLei", "is required.");
        }

        errors.Required("name", Name, Limits.Name);
        errors.Country("country", Country);
        if (errors.Any)
        {
            return false;
        }

        branch.HeadOfficeLei = lei!;
        branch.Name = Name!.Trim();
        branch.Country = Country!;
        return true;
    }
}

/// <summary>A provider's register facts (its LEI is the provider's own field).</summary>
public sealed record ProviderRegisterFactsRequest(
    [property: MaxLength(RegisterLimits.Code)] string? OtherCode,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.CodeTypes))] string? OtherCodeType,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.PersonTypes))] string? PersonType,
    [property: MaxLength(RegisterLimits.Code)] string? UltimateParentCode,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.CodeTypes))] string? UltimateParentCodeType,
    bool? IntraGroup)
{
    public bool ValidateInto(ProviderRegisterFacts facts, ValidationErrors errors)
    {
        var other = errors.Optional("otherCode", OtherCode, RegisterLimits.Code);
        if (other is not null || OtherCodeType is not null)
        {
            errors.OneOf("otherCodeType", OtherCodeType, RegisterCodes.CodeTypes);
            if (other is null)
            {
                errors.Add("otherCode", "is required with otherCodeType.");
            }
            else if (OtherCodeType == RegisterCodes.LeiCode)
            {
                errors.Lei("otherCode", other);
            }
        }

        if (PersonType is not null)
        {
            errors.OneOf("personType", PersonType, RegisterCodes.PersonTypes);
        }

        var parent = errors.Optional("ultimateParentCode", UltimateParentCode, RegisterLimits.Code);
        if (parent is not null || UltimateParentCodeType is not null)
        {
            errors.OneOf("ultimateParentCodeType", UltimateParentCodeType, RegisterCodes.CodeTypes);
            if (parent is null)
            {
                errors.Add("ultimateParentCode", "is required with ultimateParentCodeType.");
            }
            else if (UltimateParentCodeType == RegisterCodes.LeiCode)
            {
                errors.Lei("ultimateParentCode", parent);
            }
        }

        if (errors.Any)
        {
            return false;
        }

        facts.OtherCode = other;
        facts.OtherCodeType = other is null ? null : OtherCodeType;
        facts.PersonType = PersonType ?? RegisterCodes.LegalPerson;
        facts.UltimateParentCode = parent?.ToUpperInvariant() is { } p && UltimateParentCodeType == RegisterCodes.LeiCode ? p : parent;
        facts.UltimateParentCodeType = parent is null ? null : UltimateParentCodeType;
        facts.IntraGroup = IntraGroup ?? false;
        return true;
    }
}
