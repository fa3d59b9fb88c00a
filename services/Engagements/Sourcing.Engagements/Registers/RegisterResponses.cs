namespace Sourcing.Engagements.Registers;

public sealed record RegisterSettingsResponse(string ReportingEntityLei, string CompetentAuthority, string Consolidation, IReadOnlyDictionary<string, bool> DeclaredFilingIndicators)
{
    public static RegisterSettingsResponse From(RegisterSettings s) => new(s.ReportingEntityLei, s.CompetentAuthority, s.Consolidation, s.DeclaredFilingIndicators);
}

public sealed record RegisterEntityResponse(
    string Lei, string Name, string EntityType, string Hierarchy, string? ParentLei, string Country, string Currency, decimal? TotalAssets,
    DateOnly IntegratedOn, DateOnly UpdatedOn, DateOnly? DeletedOn)
{
    public static RegisterEntityResponse From(RegisterEntity e) =>
        new(e.Lei, e.Name, e.EntityType, e.Hierarchy, e.ParentLei, e.Country, e.Currency, e.TotalAssets, e.IntegratedOn, e.UpdatedOn, e.DeletedOn);
}

public sealed record RegisterBranchResponse(string Code, string HeadOfficeLei, string Name, string Country)
{
    public static RegisterBranchResponse From(RegisterBranch b) => new(b.Code, b.HeadOfficeLei, b.Name, b.Country);
}

public sealed record ProviderRegisterFactsResponse(
    Guid ProviderId, string? Lei, string? OtherCode, string? OtherCodeType, string PersonType, string? UltimateParentCode, string? UltimateParentCodeType, bool IntraGroup)
{
    public static ProviderRegisterFactsResponse From(ProviderRegisterFacts f, string? lei) =>
        new(f.ProviderId, lei, f.OtherCode, f.OtherCodeType, f.PersonType, f.UltimateParentCode, f.UltimateParentCodeType, f.IntraGroup);
}

public sealed record EngagementRegisterFactsResponse(
    Guid EngagementId,
    string ContractReference,
    string ArrangementType,
    string? OverarchingReference,
    string? EntityLei,
    string? BranchCode,
    string? IctServiceType,
    string? TerminationReason,
    int? ProviderNoticePeriodDays,
    string? GoverningLawCountry,
    string? Reliance,
    string? Substitutability,
    string? NonSubstitutabilityReason,
    bool? ExitPlan,
    string? Reintegration,
    string? DiscontinuingImpact,
    bool? AlternativesIdentified,
    IReadOnlyList<string> AlternativeProviders,
    DateOnly? LastRiskAssessment,
    DateOnly? LastAudit,
    IReadOnlyList<RegisterFunction> Functions,
    IReadOnlyList<ChainLink> Chain)
{
    public static EngagementRegisterFactsResponse From(EngagementRegisterFacts f) => new(
        f.EngagementId, f.ContractReference, f.ArrangementType, f.OverarchingReference, f.EntityLei, f.BranchCode, f.IctServiceType, f.TerminationReason,
        f.ProviderNoticePeriodDays, f.GoverningLawCountry, f.Reliance, f.Substitutability, f.NonSubstitutabilityReason, f.ExitPlan, f.Reintegration,
        f.DiscontinuingImpact, f.AlternativesIdentified, f.AlternativeProviders, f.LastRiskAssessment, f.LastAudit, f.Functions, f.Chain);
}
