using System.ComponentModel.DataAnnotations;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Registers;

public sealed record RegisterFunctionRequest(
    [property: Required, MaxLength(RegisterLimits.Code)] string? Identifier,
    [property: Required, MaxLength(Limits.Name)] string? Name,
    [property: Required, MaxLength(16)] string? LicensedActivity,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Assessments))] string? Critical,
    [property: MaxLength(Limits.LongText)] string? CriticalityReasons,
    DateOnly? AssessedOn,
    [property: Range(0, 100_000)] int? RtoHours,
    [property: Range(0, 100_000)] int? RpoHours,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Impacts))] string? Impact);

public sealed record ChainLinkRequest([property: Required] Guid? ProviderId, [property: Required, Range(2, 20)] int? Rank, Guid? RecipientProviderId);

/// <summary>An engagement's register facts (replaced as a whole).</summary>
public sealed record EngagementRegisterFactsRequest(
    [property: MaxLength(RegisterLimits.Code)] string? ContractReference,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.ArrangementTypes))] string? ArrangementType,
    [property: MaxLength(RegisterLimits.Code)] string? OverarchingReference,
    [property: MaxLength(20)] string? EntityLei,
    [property: MaxLength(RegisterLimits.Code)] string? BranchCode,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.IctServiceTypes))] string? IctServiceType,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.TerminationReasons))] string? TerminationReason,
    [property: Range(0, 3650)] int? ProviderNoticePeriodDays,
    [property: MaxLength(2)] string? GoverningLawCountry,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.RelianceLevels))] string? Reliance,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Substitutabilities))] string? Substitutability,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.NonSubstitutabilityReasons))] string? NonSubstitutabilityReason,
    bool? ExitPlan,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Reintegrations))] string? Reintegration,
    [property: OneOf(typeof(RegisterCodes), nameof(RegisterCodes.Impacts))] string? DiscontinuingImpact,
    bool? AlternativesIdentified,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<string>? AlternativeProviders,
    DateOnly? LastRiskAssessment,
    DateOnly? LastAudit,
    [property: MaxLength(RegisterLimits.MaxFunctions)] IReadOnlyList<RegisterFunctionRequest>? Functions,
    [property: MaxLength(Limits.MaxListItems)] IReadOnlyList<ChainLinkRequest>? Chain)
{
    public bool ValidateInto(EngagementRegisterFacts facts, ValidationErrors errors)
    {
        var reference = errors.Optional("contractReference", ContractReference, RegisterLimits.Code);
        Code(errors, "arrangementType", ArrangementType, RegisterCodes.ArrangementTypes);
        var overarching = errors.Optional("overarchingReference", OverarchingReference, RegisterLimits.Code);
        var entity = errors.Lei("entityLei", EntityLei);
        var branch = errors.Optional("branchCode", BranchCode, RegisterLimits.Code);
        Code(errors, "ictServiceType", IctServiceType, RegisterCodes.IctServiceTypes);
        Code(errors, "terminationReason", TerminationReason, RegisterCodes.TerminationReasons);
        if (ProviderNoticePeriodDays is < 0)
        {
            errors.Add("providerNoticePeriodDays", "must not be negative.");
        }

        if (GoverningLawCountry is not null)
        {
            errors.Country("governingLawCountry", GoverningLawCountry);
        }

        Code(errors, "reliance", Reliance, RegisterCodes.RelianceLevels);
        Code(errors, "substitutability", Substitutability, RegisterCodes.Substitutabilities);
        Code(errors, "nonSubstitutabilityReason", NonSubstitutabilityReason, RegisterCodes.NonSubstitutabilityReasons);
        Code(errors, "reintegration", Reintegration, RegisterCodes.Reintegrations);
        Code(errors, "discontinuingImpact", DiscontinuingImpact, RegisterCodes.Impacts);
        var alternatives = errors.Texts("alternativeProviders", AlternativeProviders, Limits.Name);
        var functions = new List<RegisterFunction>();
        if (Functions is { Count: > RegisterLimits.MaxFunctions })
        {
            errors.Add("functions", $"must list at most {RegisterLimits.MaxFunctions} functions.");
        }

        for (var i = 0; i < (Functions?.Count ?? 0); i++)
        {
            if (Function(errors, $"functions[{i}]", Functions![i]) is { } f)
            {
                if (functions.Any(x => x.Identifier == f.Identifier))
                {
                    errors.Add($"functions[{i}].identifier", $"'{f.Identifier}' appears on an earlier function too.");
                }

                functions.Add(f);
            }
        }

        var chain = new List<ChainLink>();
        for (var i = 0; i < (Chain?.Count ?? 0); i++)
        {
            var link = Chain![i];
            if (link is null)
            {
                errors.Add($"chain[{i}]", "is required.");
                continue;
            }

            errors.Required($"chain[{i}].providerId", link.ProviderId);
            if (errors.Required($"chain[{i}].rank", link.Rank) && link.Rank is < 2 or > 20)
            {
                errors.Add($"chain[{i}].rank", "must be between 2 (the provider's own subcontractor) and 20.");
            }

            if (link.ProviderId is { } pid && link.Rank is { } rank)
            {
                chain.Add(new ChainLink { ProviderId = pid, Rank = rank, RecipientProviderId = link.RecipientProviderId });
            }
        }

        if (errors.Any)
        {
            return false;
        }

        facts.ContractReference = reference ?? facts.ContractReference;
        facts.ArrangementType = ArrangementType ?? RegisterCodes.Standalone;
        facts.OverarchingReference = overarching;
        facts.EntityLei = entity;
        facts.BranchCode = branch;
        facts.IctServiceType = IctServiceType;
        facts.TerminationReason = TerminationReason;
        facts.ProviderNoticePeriodDays = ProviderNoticePeriodDays;
        facts.GoverningLawCountry = GoverningLawCountry;
        facts.Reliance = Reliance;
        facts.Substitutability = Substitutability;
        facts.NonSubstitutabilityReason = NonSubstitutabilityReason;
        facts.ExitPlan = ExitPlan;
        facts.Reintegration = Reintegration;
        facts.DiscontinuingImpact = DiscontinuingImpact;
        facts.AlternativesIdentified = AlternativesIdentified;
        facts.AlternativeProviders = alternatives;
        facts.LastRiskAssessment = LastRiskAssessment;
        facts.LastAudit = LastAudit;
        facts.Functions = functions;
        facts.Chain = chain;
        return true;
    }

    private static void Code(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null)
        {
            errors.OneOf(field, value, allowed);
        }
    }

    private static RegisterFunction? Function(ValidationErrors errors, string field, RegisterFunctionRequest? f)
    {
        if (f is null)
        {
            errors.Add(field, "is required.");
            return null;
        }

        var before = errors.ToDictionary().Count;
        errors.Required($"{field}.identifier", f.Identifier, RegisterLimits.Code);
        errors.Required($"{field}.name", f.Name, Limits.Name);
        if (errors.Required($"{field}.licensedActivity", f.LicensedActivity, 16) && !RegisterCodes.IsLicensedActivity(f.LicensedActivity!))
        {
            errors.Add($"{field}.licensedActivity", $"'{f.LicensedActivity}' is not a licensed activity of the eba_TA list (eba_TA:x followed by digits).");
        }

        Code(errors, $"{field}.critical", f.Critical, RegisterCodes.Assessments);
        errors.Optional($"{field}.criticalityReasons", f.CriticalityReasons, Limits.LongText);
        if (f.RtoHours is < 0)
        {
            errors.Add($"{field}.rtoHours", "must not be negative.");
        }

        if (f.RpoHours is < 0)
        {
            errors.Add($"{field}.rpoHours", "must not be negative.");
        }

        Code(errors, $"{field}.impact", f.Impact, RegisterCodes.Impacts);
        if (errors.ToDictionary().Count != before)
        {
            return null;
        }

        return new RegisterFunction
        {
            Identifier = f.Identifier!.Trim(),
            Name = f.Name!.Trim(),
            LicensedActivity = f.LicensedActivity!,
            Critical = f.Critical,
            CriticalityReasons = f.CriticalityReasons?.Trim(),
            AssessedOn = f.AssessedOn,
            RtoHours = f.RtoHours,
            RpoHours = f.RpoHours,
            Impact = f.Impact,
        };
    }
}
