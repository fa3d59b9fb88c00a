using System.Globalization;
using Sourcing.Contracts;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Providers;
using static Sourcing.Engagements.Registers.DoraTemplates;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// Fills the fifteen templates from the tenant's data, one arrangement at a time as they are read.
/// Only ICT arrangements (those with an ICT service type) enter the DORA register; every arrangement
/// enters the outsourcing register.
/// </summary>
public static class DoraRegisterBuilder
{
    public const string OpenEnded = "9999-12-31";

    /// <summary>
    /// Builds the register from the data, reading the arrangements as they stream from the database
    /// (in contract order, as the per-contract templates need), and completes its checks. With
    /// <paramref name="write"/> each template's table is written to a temporary file as it grows; without,
    /// rows are only checked and counted. <paramref name="each"/> sees every arrangement, ICT or not.
    /// </summary>
    public static async Task<DoraRegister> BuildAsync(
        RegisterData data, DateOnly reportingDate, bool write, Action<RegisterArrangement>? each, CancellationToken cancellationToken)
    {
        var settings = data.Settings;
        var reporting = data.ReportingEntity;
        var register = new DoraRegister
        {
            TableDirectory = write ? Path.GetTempPath() : null,
            ReportingEntityLei = settings?.ReportingEntityLei ?? "",
            Consolidation = settings?.Consolidation ?? "CON",
            Country = reporting?.Country ?? data.Tenant?.HqCountry ?? "",
            Currency = data.Currency,
            ReferenceDate = data.ReferenceDate,
            DeclaredFilingIndicators = settings?.DeclaredFilingIndicators ?? [],
        };

        try
        {
            register.Add(B0101, settings?.ReportingEntityLei, reporting?.Name, Ga(reporting?.Country), reporting?.EntityType, settings?.CompetentAuthority, Date(reportingDate));
            foreach (var e in data.Entities)
            {
                register.Add(
                    B0102, e.Lei, e.Name, Ga(e.Country), e.EntityType, e.Hierarchy, e.ParentLei ?? e.Lei, Date(e.UpdatedOn), Date(e.IntegratedOn),
                    e.DeletedOn is { } d ? Date(d) : OpenEnded, Cu(e.Currency), Amount(e.TotalAssets));
            }

            foreach (var b in data.Branches)
            {
                register.Add(B0103, b.Code, b.HeadOfficeLei, b.Name, Ga(b.Country));
            }

            // Per provider (bounded by the providers, not the contracts): B_05.01 needs each one's total over every contract.
            var ultimateParent = data.Entities.Find(e => e.Hierarchy == RegisterCodes.UltimateParent)?.Lei;
            var expenses = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var providerRows = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            await foreach (var a in data.Arrangements.WithCancellation(cancellationToken))
            {
                each?.Invoke(a);
                if (a.IsIct)
                {
                    AddArrangement(register, data, a, ultimateParent, expenses, providerRows);
                }
            }

            foreach (var (code, row) in providerRows)
            {
                row[9] = Amount(expenses.GetValueOrDefault(code));
                register.Add(B0501, row);
            }

            register.Complete();
            return register;
        }
        catch
        {
            await register.DisposeAsync();
            throw;
        }
    }

    private static void AddArrangement(
        DoraRegister register, RegisterData data, RegisterArrangement a, string? ultimateParent, Dictionary<string, decimal> expenses, Dictionary<string, string?[]> providerRows)
    {
        var e = a.Engagement;
        var f = a.Facts;
        var reference = f.ContractReference;
        var entityLei = f.EntityLei ?? data.Settings?.ReportingEntityLei ?? "";
        var (code, codeType) = Identify(data, a);
        var intraGroup = a.IntraGroup(data);
        var service = f.IctServiceType;

        register.Add(B0201, reference, f.ArrangementType, f.OverarchingReference, e.Currency is { } c ? Cu(c) : null, Amount(e.AnnualValue));
        var storage = e.DataStorageCountries.Count > 0 ? e.DataStorageCountries.ConvertAll(Ga) : [RegisterCodes.NoCountry];
        var processing = e.DataProcessingCountries.Count > 0 ? e.DataProcessingCountries.ConvertAll(Ga) : [RegisterCodes.NoCountry];
        foreach (var fn in f.Functions)
        {
            foreach (var s in storage)
            {
                foreach (var p in processing)
                {
                    register.Add(
                        B0202, reference, entityLei, code, codeType, fn.Identifier, service, e.ContractStart is { } start ? Date(start) : null,
                        e.ContractEnd is { } end ? Date(end) : OpenEnded, f.TerminationReason, Int(e.NoticePeriodDays), Int(f.ProviderNoticePeriodDays),
                        f.GoverningLawCountry is { } law ? Ga(law) : null, Ga(e.DeliveryCountry), e.DataStorageCountries.Count > 0 ? RegisterCodes.Yes : RegisterCodes.No,
                        s, p, Sensitiveness(e.DataSensitivity), f.Reliance);
                }
            }

            register.Add(
                B0601, fn.Identifier, fn.LicensedActivity, fn.Name, entityLei, fn.Critical ?? Critical(e.Criticality), fn.CriticalityReasons,
                fn.AssessedOn is { } assessed ? Date(assessed) : null,
                Int(fn.RtoHours), Int(fn.RpoHours), fn.Impact);
        }

        if (intraGroup)
        {
            register.Add(B0203, reference, f.OverarchingReference ?? reference, "true");
            register.Add(B0303, reference, code, "true");
        }

        register.Add(B0301, reference, entityLei, "true");
        if (a.Provider is not null)
        {
            register.Add(B0302, reference, code, codeType);
        }

        register.Add(B0401, reference, entityLei, f.BranchCode is null ? RegisterCodes.NotBranch : RegisterCodes.Branch, f.BranchCode);

        if (!providerRows.ContainsKey(code))
        {
            providerRows[code] = ProviderRow(data, a, code, codeType, ultimateParent);
        }

        if (e.AnnualValue is { } value && e.Currency == register.Currency)
        {
            expenses[code] = expenses.GetValueOrDefault(code) + value;
        }

        if (a.Provider is not null)
        {
            register.Add(B0502, reference, service, code, codeType, "1", code, codeType);
            foreach (var link in f.Chain.OrderBy(l => l.Rank))
            {
                var (sub, subType) = IdentifyProvider(data, data.Providers.GetValueOrDefault(link.ProviderId));
                var (recipient, recipientType) = link.RecipientProviderId is { } r ? IdentifyProvider(data, data.Providers.GetValueOrDefault(r)) : (code, codeType);
                register.Add(B0502, reference, service, sub, subType, Int(link.Rank), recipient, recipientType);
                if (!providerRows.ContainsKey(sub) && data.Providers.GetValueOrDefault(link.ProviderId) is { } subProvider)
                {
                    providerRows[sub] = ProviderRow(data, new RegisterArrangement(e, f, subProvider, null), sub, subType, ultimateParent);
                }
            }

            register.Add(
                B0701, reference, code, codeType, service, f.Substitutability, f.NonSubstitutabilityReason, f.LastAudit is { } audit ? Date(audit) : null,
                Bool(f.ExitPlan), f.Reintegration, f.DiscontinuingImpact, Bool(f.AlternativesIdentified), f.AlternativeProviders.Count > 0 ? string.Join("; ", f.AlternativeProviders) : null);
        }
    }

    private static string?[] ProviderRow(RegisterData data, RegisterArrangement a, string code, string codeType, string? ultimateParent)
    {
        if (a.Provider is { } p)
        {
            var pf = data.ProviderFacts(p.Id);
            var additional = p.Lei is not null ? (pf.OtherCode, pf.OtherCodeType) : (null, null);
            return [code, codeType, additional.OtherCode, additional.OtherCodeType, p.LegalName, p.LegalName, pf.PersonType, Ga(p.HqCountry), Cu(data.Currency), null,
                pf.UltimateParentCode ?? (pf.IntraGroup ? ultimateParent : null), pf.UltimateParentCode is not null ? pf.UltimateParentCodeType : pf.IntraGroup && ultimateParent is not null ? RegisterCodes.LeiCode : null];
        }

        var c = a.Centre!;
        return [code, codeType, null, null, c.LegalEntity, c.LegalEntity, RegisterCodes.LegalPerson, Ga(c.Country), Cu(data.Currency), null,
            ultimateParent, ultimateParent is null ? null : RegisterCodes.LeiCode];
    }

    internal static (string Code, string Type) Identify(RegisterData data, RegisterArrangement a) =>
        a.Provider is { } p ? IdentifyProvider(data, p) : (a.Centre?.Lei ?? "", a.Centre?.Lei is null ? "" : RegisterCodes.LeiCode);

    internal static (string Code, string Type) IdentifyProvider(RegisterData data, Provider? p)
    {
        if (p is null)
        {
            return ("", "");
        }

        if (p.Lei is { } lei)
        {
            return (lei, RegisterCodes.LeiCode);
        }

        var pf = data.ProviderFacts(p.Id);
        return (pf.OtherCode ?? "", pf.OtherCodeType ?? "");
    }

    /// <summary>The engagement's data sensitivity in the register's three levels: high for financial, health or privileged data, medium for personal or confidential IP.</summary>
    internal static string Sensitiveness(List<string> sensitivity) =>
        sensitivity.Any(s => s is DataSensitivities.Financial or DataSensitivities.Health or DataSensitivities.LegalPrivilege) ? "eba_ZZ:x793"
        : sensitivity.Count > 0 ? "eba_ZZ:x792"
        : "eba_ZZ:x791";

    internal static string Critical(string criticality) =>
        criticality is Criticalities.Critical or Criticalities.Important ? RegisterCodes.Yes : RegisterCodes.No;

    internal static string Ga(string? country) => country is null ? "" : RegisterCodes.Country(country);

    internal static string Cu(string currency) => RegisterCodes.Currency(currency);

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static string? Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string? Bool(bool? value) => value switch { true => RegisterCodes.Yes, false => RegisterCodes.No, null => null };
}
