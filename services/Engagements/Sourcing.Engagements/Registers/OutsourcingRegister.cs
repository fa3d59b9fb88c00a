using Sourcing.Contracts;
using Sourcing.Engagements.Engagements;
using static Sourcing.Engagements.Registers.DoraRegisterBuilder;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// The register of all outsourcing arrangements of EBA/GL/2019/02 (section 11, paragraphs 54-55),
/// intra-group ones (captive centres, partnerships, group providers) marked, with the additional
/// fields of paragraph 55 filled for arrangements that support critical or important functions.
/// Built from the same data as the DORA register (pure).
/// </summary>
public static class OutsourcingRegister
{
    public static readonly IReadOnlyList<string> Columns =
    [
        // Paragraph 54: every arrangement.
        "referenceNumber", "arrangement", "startDate", "nextRenewalOrEndDate", "noticePeriodDaysEntity", "noticePeriodDaysProvider",
        "serviceDescription", "dataSensitivity", "intraGroup", "provider", "providerLei", "providerOtherCode", "providerCountry",
        "cloudService", "ictServiceType", "countryOfPerformance", "dataStorageCountries", "dataProcessingCountries", "criticalOrImportant",
        "criticalityReasons", "annualCost", "currency", "governingLawCountry", "entityLei",
        // Paragraph 55: critical or important functions only.
        "lastRiskAssessment", "lastAudit", "substitutability", "alternativeProviders", "reintegration", "exitPlan", "rtoHours", "subcontractors",
    ];

    public static IEnumerable<IReadOnlyList<string?>> Rows(RegisterData data, IEnumerable<RegisterArrangement> arrangements) => arrangements.Select(a => Row(data, a));

    private static string?[] Row(RegisterData data, RegisterArrangement a)
    {
        var e = a.Engagement;
        var f = a.Facts;
        var critical = e.Criticality is Criticalities.Critical or Criticalities.Important || f.Functions.Any(fn => fn.Critical == RegisterCodes.Yes);
        var (code, type) = Identify(data, a);
        var lei = type == RegisterCodes.LeiCode ? code : null;
        var other = type == RegisterCodes.LeiCode ? null : code;
        var cloud = f.IctServiceType is "eba_TA:S17" or "eba_TA:S18" or "eba_TA:S19";
        var subcontractors = string.Join("; ", f.Chain.OrderBy(l => l.Rank).Select(l => $"{l.Rank}: {data.Providers.GetValueOrDefault(l.ProviderId)?.LegalName}"));
        string?[] row =
        [
            f.ContractReference, e.Name, e.ContractStart is { } s ? Date(s) : null, e.ContractEnd is { } end ? Date(end) : null,
            Int(e.NoticePeriodDays), Int(f.ProviderNoticePeriodDays), $"{e.BusinessProcess} ({e.Scope})", string.Join(";", e.DataSensitivity),
            a.IntraGroup(data) ? "yes" : "no", a.Provider?.LegalName ?? a.Centre?.LegalEntity, lei, other, a.Provider?.HqCountry ?? a.Centre?.Country,
            cloud ? "yes" : "no", f.IctServiceType, e.DeliveryCountry, string.Join(";", e.DataStorageCountries), string.Join(";", e.DataProcessingCountries),
            critical ? "yes" : "no", string.Join("; ", f.Functions.Select(fn => fn.CriticalityReasons).OfType<string>()), Amount(e.AnnualValue), e.Currency,
            f.GoverningLawCountry, f.EntityLei ?? data.Settings?.ReportingEntityLei,
            null, null, null, null, null, null, null, null,
        ];
        if (critical)
        {
            row[24] = f.LastRiskAssessment is { } risk ? Date(risk) : null;
            row[25] = f.LastAudit is { } audit ? Date(audit) : null;
            row[26] = f.Substitutability;
            row[27] = string.Join("; ", f.AlternativeProviders);
            row[28] = f.Reintegration;
            row[29] = f.ExitPlan switch { true => "yes", false => "no", null => null };
            row[30] = f.Functions.Select(fn => fn.RtoHours).Where(h => h is not null).Min() is { } rto ? Int(rto) : null;
            row[31] = subcontractors;
        }

        return row;
    }
}
