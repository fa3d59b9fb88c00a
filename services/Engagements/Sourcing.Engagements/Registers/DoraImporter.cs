using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.CaptiveCentres;
using Sourcing.Engagements.Classification;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Http;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Messaging;
using Sourcing.ServiceDefaults.Validation;
using static Sourcing.Engagements.Registers.DoraTemplates;

namespace Sourcing.Engagements.Registers;

/// <summary>What an import created (or, in a dry run, would create).</summary>
public sealed record DoraImportCounts(int Entities, int Branches, int Providers, int CaptiveCentres, int Engagements);

/// <summary>
/// Turns a register package into the tenant's entities, branches, providers, captive centres and
/// engagements with their register facts. Plans everything first, rejecting rows it cannot take;
/// writes only when no row is rejected (all or nothing). A provider whose LEI (or other code) the
/// tenant already holds is reused; a contract reference the tenant already holds is rejected.
/// </summary>
public sealed class DoraImporter(EngagementsDb db, TenantProfile tenant, Actor actor, DateTimeOffset now)
{
    private readonly List<ImportRejection> _rejected = [];
    private readonly List<RegisterEntity> _entities = [];
    private readonly List<RegisterBranch> _branches = [];
    private readonly Dictionary<string, Provider> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderRegisterFacts> _providerFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaptiveCentre> _centres = new(StringComparer.Ordinal);
    private readonly List<(Engagement Engagement, EngagementRegisterFacts Facts)> _engagements = [];
    private readonly HashSet<string> _newProviders = new(StringComparer.Ordinal);
    private RegisterSettings? _settings;

    public IReadOnlyList<ImportRejection> Rejected => _rejected;

    public DoraImportCounts Counts => new(_entities.Count, _branches.Count, _newProviders.Count, _centres.Count, _engagements.Count);

    public async Task PlanAsync(DoraPackageReader package, CancellationToken cancellationToken)
    {
        _rejected.AddRange(package.Problems);
        var existingEntities = await db.RegisterEntities.Select(e => e.Lei).ToListAsync(cancellationToken);
        var existingBranches = await db.RegisterBranches.Select(b => b.Code).ToListAsync(cancellationToken);
        var existingReferences = (await db.EngagementRegisterFacts.Select(f => f.ContractReference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var knownProviders = await db.Providers.Where(p => p.DeletedAt == null).ToListAsync(cancellationToken);
        var knownFacts = await db.ProviderRegisterFacts.ToDictionaryAsync(f => f.ProviderId, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        if (!await db.RegisterSettings.AnyAsync(cancellationToken))
        {
            PlanSettings(package);
        }

        foreach (var row in package.Rows(B0102))
        {
            var lei = Lei(row, "c0010");
            if (lei is null)
            {
                continue;
            }

            if (existingEntities.Contains(lei))
            {
                Reject(row, "c0010", $"the tenant's register holds entity {lei} already.");
                continue;
            }

            _entities.Add(new RegisterEntity
            {
                TenantId = tenant.TenantId,
                Lei = lei,
                Name = Required(row, "c0020") ?? "",
                Country = Country(row, "c0030") ?? "",
                EntityType = Code(row, "c0040", RegisterCodes.EntityTypes) ?? "",
                Hierarchy = Code(row, "c0050", RegisterCodes.Hierarchies) ?? "",
                ParentLei = row.Optional("c0060") is null ? null : Lei(row, "c0060"),
                UpdatedOn = Date(row, "c0070") ?? today,
                IntegratedOn = Date(row, "c0080") ?? today,
                DeletedOn = Date(row, "c0090") is { } deleted && deleted != DateOnly.MaxValue ? deleted : null,
                Currency = Currency(row, "c0100") ?? "",
                TotalAssets = Amount(row, "c0110"),
            });
        }

        foreach (var row in package.Rows(B0103))
        {
            var code = Required(row, "c0010");
            if (code is not null && existingBranches.Contains(code))
            {
                Reject(row, "c0010", $"the tenant's register holds branch {code} already.");
                continue;
            }

            _branches.Add(new RegisterBranch { TenantId = tenant.TenantId, Code = code ?? "", HeadOfficeLei = Lei(row, "c0020") ?? "", Name = Required(row, "c0030") ?? "", Country = Country(row, "c0040") ?? "" });
        }

        // Providers and centres: a code in B_03.03 whose contracts have no B_03.02 row is one of the group's captive centres.
        var signedByProvider = package.Rows(B0302).Select(r => r["c0020"]).ToHashSet(StringComparer.Ordinal);
        var intraGroup = package.Rows(B0303).Select(r => r["c0020"]).ToHashSet(StringComparer.Ordinal);
        foreach (var row in package.Rows(B0501))
        {
            PlanProvider(row, signedByProvider, intraGroup, knownProviders, knownFacts);
        }

        PlanArrangements(package, existingReferences);
    }

    private void PlanSettings(DoraPackageReader package)
    {
        var rows = package.Rows(B0101);
        var row = rows.Count > 0 ? rows[0] : null;
        if (row is null)
        {
            return;
        }

        var consolidation = package.Parameters.GetValueOrDefault("entityID") is { } id && id.EndsWith(".IND", StringComparison.Ordinal) ? "IND" : "CON";
        _settings = new RegisterSettings
        {
            TenantId = tenant.TenantId,
            ReportingEntityLei = Lei(row, "c0010") ?? "",
            CompetentAuthority = Required(row, "c0050") ?? "",
            Consolidation = consolidation,
        };
    }

    private void PlanProvider(ImportedRow row, HashSet<string> signedByProvider, HashSet<string> intraGroup, List<Provider> known, Dictionary<Guid, ProviderRegisterFacts> knownFacts)
    {
        var code = Required(row, "c0010");
        var type = Code(row, "c0020", RegisterCodes.CodeTypes);
        if (code is null || type is null)
        {
            return;
        }

        if (type == RegisterCodes.LeiCode && Lei(row, "c0010") is null)
        {
            return;
        }

        var name = Required(row, "c0050");
        var country = Country(row, "c0080");
        var personType = row.Optional("c0070") is null ? RegisterCodes.LegalPerson : Code(row, "c0070", RegisterCodes.PersonTypes);
        if (name is null || country is null || personType is null)
        {
            return;
        }

        if (intraGroup.Contains(code) && !signedByProvider.Contains(code))
        {
            if (type != RegisterCodes.LeiCode)
            {
                Reject(row, "c0020", "an intra-group provider that signs no B_03.02 row is taken as a captive centre, which needs an LEI.");
                return;
            }

            _centres[code] = new CaptiveCentre
            {
                TenantId = tenant.TenantId,
                Id = Guid.CreateVersion7(now),
                LegalEntity = name,
                Country = country,
                OwnershipPercent = 100m,
                Currency = IsoCodes.CurrencyOf(country),
                Lei = code,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            return;
        }

        var existing = known.Find(p => type == RegisterCodes.LeiCode ? p.Lei == code : knownFacts.TryGetValue(p.Id, out var f) && f.OtherCode == code);
        var provider = existing ?? new Provider
        {
            TenantId = tenant.TenantId,
            Id = Guid.CreateVersion7(now),
            LegalName = name,
            HqCountry = country,
            DeliveryCountries = [country],
            Lei = type == RegisterCodes.LeiCode ? code : null,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (existing is null)
        {
            _newProviders.Add(code);
        }

        var other = type == RegisterCodes.LeiCode ? row.Optional("c0030") : code;
        var otherType = type == RegisterCodes.LeiCode ? (other is null ? null : Code(row, "c0040", RegisterCodes.CodeTypes)) : type;
        var parent = row.Optional("c0110");
        _providers[code] = provider;
        _providerFacts[code] = new ProviderRegisterFacts
        {
            TenantId = tenant.TenantId,
            ProviderId = provider.Id,
            OtherCode = other,
            OtherCodeType = otherType,
            PersonType = personType,
            UltimateParentCode = parent,
            UltimateParentCodeType = parent is null ? null : Code(row, "c0120", RegisterCodes.CodeTypes),
            IntraGroup = intraGroup.Contains(code),
        };
    }

    private void PlanArrangements(DoraPackageReader package, HashSet<string> existingReferences)
    {
        var services = package.Rows(B0202).ToLookup(r => r["c0010"], StringComparer.Ordinal);
        var functions = package.Rows(B0601).GroupBy(r => (r["c0010"], r["c0040"])).ToDictionary(g => g.Key, g => g.First());
        var assessments = package.Rows(B0701).ToLookup(r => r["c0010"], StringComparer.Ordinal);
        var chains = package.Rows(B0502).ToLookup(r => r["c0010"], StringComparer.Ordinal);
        var users = package.Rows(B0401).ToLookup(r => r["c0010"], StringComparer.Ordinal);
        var signers = package.Rows(B0301).ToLookup(r => r["c0010"], StringComparer.Ordinal);
        var providerOf = package.Rows(B0302).Concat(package.Rows(B0303)).ToLookup(r => r["c0010"], r => r["c0020"], StringComparer.Ordinal);
        var serviceTypes = package.Rows(B0502).Concat(package.Rows(B0701))
            .ToLookup(r => r["c0010"], r => r.Template == B0502.Code ? r["c0020"] : r["c0040"], StringComparer.Ordinal);

        foreach (var contract in package.Rows(B0201))
        {
            var reference = Required(contract, "c0010");
            if (reference is null)
            {
                continue;
            }

            if (existingReferences.Contains(reference) || _engagements.Any(x => x.Facts.ContractReference == reference))
            {
                Reject(contract, "c0010", $"contract reference '{reference}' is held already.");
                continue;
            }

            var rows = services[reference].ToList();
            var pairs = rows.Select(r => (r["c0030"], r["c0060"])).Distinct().ToList();
            if (pairs.Count > 1)
            {
                Reject(contract, "c0010", "the contract covers more than one provider or ICT service type in B_02.02; import it as one contract per provider and service.");
                continue;
            }

            var code = pairs.Count == 1 ? pairs[0].Item1 : providerOf[reference].FirstOrDefault() ?? "";
            var service = pairs.Count == 1 ? pairs[0].Item2 : serviceTypes[reference].FirstOrDefault(s => s.Length > 0);
            if (service is null || !RegisterCodes.IctServiceTypes.Contains(service))
            {
                Reject(contract, "c0010", $"no ICT service type of the eba_TA list for contract '{reference}' (B_02.02.0060, B_05.02.0020 or B_07.01.0040).");
                continue;
            }

            var provider = _providers.GetValueOrDefault(code);
            var centre = _centres.GetValueOrDefault(code);
            if (provider is null && centre is null)
            {
                Reject(contract, "c0010", $"the contract's provider '{code}' has no row in B_05.01.");
                continue;
            }

            PlanEngagement(contract, reference, service, rows, provider, centre, functions, assessments[reference].FirstOrDefault(), chains[reference], users[reference], signers[reference].FirstOrDefault());
        }
    }

    private void PlanEngagement(
        ImportedRow contract, string reference, string service, List<ImportedRow> rows, Provider? provider, CaptiveCentre? centre,
        Dictionary<(string, string), ImportedRow> functions, ImportedRow? assessment, IEnumerable<ImportedRow> chain, IEnumerable<ImportedRow> users, ImportedRow? signer)
    {
        var first = rows.FirstOrDefault();
        var entityLei = first?["c0020"] ?? signer?["c0020"] ?? _settings?.ReportingEntityLei ?? "";
        var country = first is null ? null : Country(first, "c0130");
        country ??= provider?.HqCountry ?? centre!.Country;
        var facts = new EngagementRegisterFacts
        {
            TenantId = tenant.TenantId,
            ContractReference = reference,
            ArrangementType = Code(contract, "c0020", RegisterCodes.ArrangementTypes) ?? RegisterCodes.Standalone,
            OverarchingReference = contract.Optional("c0030"),
            EntityLei = entityLei == _settings?.ReportingEntityLei ? null : entityLei,
            BranchCode = users.FirstOrDefault(u => u["c0030"] == RegisterCodes.Branch)?.Optional("c0040"),
            IctServiceType = service,
        };
        var e = new Engagement
        {
            TenantId = tenant.TenantId,
            Id = Guid.CreateVersion7(now),
            Name = $"{reference} ({provider?.LegalName ?? centre!.LegalEntity})",
            SourceKind = provider is not null ? SourceKinds.Provider : centre!.Kind,
            ProviderId = provider?.Id,
            CaptiveCentreId = centre?.Id,
            Scope = EngagementScopes.WholeProcess,
            BusinessProcess = BusinessProcesses.ItServices,
            DeliveryCountry = country,
            DeliveryTimeZone = DeliveryTimeZones.Automatic(country, now.Year) ?? (DeliveryTimeZones.ZonesOf(country) is { Count: > 0 } zones ? zones[0] : "UTC"),
            DeliveryLanguages = [.. CountryLanguages.Of(country)],
            Status = EngagementStatuses.Active,
            Currency = Currency(contract, "c0040"),
            AnnualValue = Amount(contract, "c0050"),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        facts.EngagementId = e.Id;
        if (first is not null)
        {
            e.ContractStart = Date(first, "c0070");
            e.ContractEnd = Date(first, "c0080") is { } end && end != DateOnly.MaxValue ? end : null;
            e.NoticePeriodDays = Int(first, "c0100");
            e.PricingModel = e.ContractStart is null ? null : PricingModels.FixedFee;
            e.AutoRenewal = e.ContractStart is null ? null : false;
            e.RenewalDecision = e.ContractStart is null ? null : RenewalDecisions.Undecided;
            facts.TerminationReason = first.Optional("c0090") is null ? null : Code(first, "c0090", RegisterCodes.TerminationReasons);
            facts.ProviderNoticePeriodDays = Int(first, "c0110");
            facts.GoverningLawCountry = first.Optional("c0120") is null ? null : Country(first, "c0120");
            facts.Reliance = first.Optional("c0180") is null ? null : Code(first, "c0180", RegisterCodes.RelianceLevels);
            e.DataStorageCountries = [.. rows.Select(r => r["c0150"]).Where(c => c != RegisterCodes.NoCountry).Distinct().Select(c => CountryValue(first, "c0150", c)).OfType<string>()];
            e.DataProcessingCountries = [.. rows.Select(r => r["c0160"]).Where(c => c != RegisterCodes.NoCountry).Distinct().Select(c => CountryValue(first, "c0160", c)).OfType<string>()];
            e.DataSensitivity = first["c0170"] switch
            {
                "eba_ZZ:x793" => [DataSensitivities.Financial],
                "eba_ZZ:x792" => [DataSensitivities.Personal],
                _ => [],
            };
        }

        foreach (var id in rows.Select(r => r["c0050"]).Distinct(StringComparer.Ordinal))
        {
            if (!functions.TryGetValue((id, entityLei), out var fn))
            {
                Reject(first!, "c0050", $"function '{id}' has no B_06.01 row for entity {entityLei}.");
                continue;
            }

            facts.Functions.Add(new RegisterFunction
            {
                Identifier = id,
                LicensedActivity = fn["c0020"],
                Name = fn["c0030"],
                Critical = fn.Optional("c0050") is null ? null : Code(fn, "c0050", RegisterCodes.Assessments),
                CriticalityReasons = fn.Optional("c0060"),
                AssessedOn = Date(fn, "c0070"),
                RtoHours = Int(fn, "c0080"),
                RpoHours = Int(fn, "c0090"),
                Impact = fn.Optional("c0100") is null ? null : Code(fn, "c0100", RegisterCodes.Impacts),
            });
        }

        e.Criticality = facts.Functions.Any(f => f.Critical == RegisterCodes.Yes) ? Criticalities.Critical : Criticalities.Standard;
        if (assessment is not null)
        {
            facts.Substitutability = assessment.Optional("c0050") is null ? null : Code(assessment, "c0050", RegisterCodes.Substitutabilities);
            facts.NonSubstitutabilityReason = assessment.Optional("c0060") is null ? null : Code(assessment, "c0060", RegisterCodes.NonSubstitutabilityReasons);
            facts.LastAudit = Date(assessment, "c0070");
            facts.ExitPlan = YesNo(assessment, "c0080");
            facts.Reintegration = assessment.Optional("c0090") is null ? null : Code(assessment, "c0090", RegisterCodes.Reintegrations);
            facts.DiscontinuingImpact = assessment.Optional("c0100") is null ? null : Code(assessment, "c0100", RegisterCodes.Impacts);
            facts.AlternativesIdentified = YesNo(assessment, "c0110");
            facts.AlternativeProviders = assessment.Optional("c0120") is { } alternatives ? [.. alternatives.Split("; ")] : [];
        }

        foreach (var link in chain.Where(l => l["c0050"] != "1"))
        {
            var sub = _providers.GetValueOrDefault(link["c0030"]);
            var recipient = _providers.GetValueOrDefault(link["c0060"]);
            var rank = Int(link, "c0050");
            if (sub is null || recipient is null || rank is null)
            {
                Reject(link, sub is null ? "c0030" : recipient is null ? "c0060" : "c0050", "the subcontractor and its recipient must be rows of B_05.01, with a rank.");
                continue;
            }

            facts.Chain.Add(new ChainLink { ProviderId = sub.Id, Rank = rank.Value, RecipientProviderId = recipient.Id == provider?.Id ? null : recipient.Id });
        }

        _engagements.Add((e, facts));
    }

    /// <summary>Writes the plan (call only when nothing was rejected): providers and centres with their audit rows and events, then the engagements, classified.</summary>
    public void Write()
    {
        if (_settings is not null)
        {
            db.RegisterSettings.Add(_settings);
        }

        db.RegisterEntities.AddRange(_entities);
        db.RegisterBranches.AddRange(_branches);
        foreach (var (code, provider) in _providers)
        {
            if (_newProviders.Contains(code))
            {
                ProvidersApi.Register(db, provider, actor, now);
            }

            db.ProviderRegisterFacts.Add(_providerFacts[code]);
        }

        foreach (var centre in _centres.Values)
        {
            db.CaptiveCentres.Add(centre);
            AuditTrail.RecordEvent(db, centre.TenantId, AuditTrail.CaptiveCentre, centre.Id, centre.LegalEntity, "created", actor, now);
            db.AddEvent(new CaptiveCentreRegistered { TenantId = centre.TenantId, CaptiveCentre = centre.ToState() });
        }

        foreach (var (engagement, facts) in _engagements)
        {
            EngagementWrites.Create(db, engagement, tenant, actor, now);
            db.EngagementRegisterFacts.Add(facts);
        }
    }

    private void Reject(ImportedRow row, string column, string message) => _rejected.Add(new ImportRejection(row.Template, row.Line, column, message));

    private string? Required(ImportedRow row, string column)
    {
        if (row.Optional(column) is { } value)
        {
            return value;
        }

        Reject(row, column, "is required.");
        return null;
    }

    private string? Lei(ImportedRow row, string column)
    {
        var errors = new ValidationErrors();
        if (errors.Lei(column, row[column]) is { } lei)
        {
            return lei;
        }

        Reject(row, column, row[column].Length == 0 ? "is required." : $"'{row[column]}' is not an ISO 17442 LEI (20 characters with valid check digits).");
        return null;
    }

    private string? Code(ImportedRow row, string column, IReadOnlyList<string> allowed)
    {
        var value = row[column];
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        Reject(row, column, $"'{value}' is not one of the code list's values.");
        return null;
    }

    private string? Country(ImportedRow row, string column) => CountryValue(row, column, row[column]);

    private string? CountryValue(ImportedRow row, string column, string value)
    {
        if (RegisterCodes.Iso(value, "eba_GA:") is { } iso && IsoCodes.IsCountry(iso))
        {
            return iso;
        }

        Reject(row, column, $"'{value}' is not an eba_GA: ISO 3166-1 alpha-2 country.");
        return null;
    }

    private string? Currency(ImportedRow row, string column)
    {
        if (row.Optional(column) is null)
        {
            return null;
        }

        if (RegisterCodes.Iso(row[column], "eba_CU:") is { } iso && IsoCodes.IsCurrency(iso))
        {
            return iso;
        }

        Reject(row, column, $"'{row[column]}' is not an eba_CU: ISO 4217 currency.");
        return null;
    }

    private DateOnly? Date(ImportedRow row, string column)
    {
        if (row.Optional(column) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Reject(row, column, $"'{value}' is not an ISO 8601 date (yyyy-MM-dd).");
        return null;
    }

    private decimal? Amount(ImportedRow row, string column)
    {
        if (row.Optional(column) is not { } value)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return amount;
        }

        Reject(row, column, $"'{value}' is not an amount (digits, a full stop for decimals).");
        return null;
    }

    private int? Int(ImportedRow row, string column)
    {
        if (row.Optional(column) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Reject(row, column, $"'{value}' is not a whole number.");
        return null;
    }

    private bool? YesNo(ImportedRow row, string column) => row[column] switch
    {
        RegisterCodes.Yes => true,
        RegisterCodes.No => false,
        "" => null,
        var other => RejectYesNo(row, column, other),
    };

    private bool? RejectYesNo(ImportedRow row, string column, string value)
    {
        Reject(row, column, $"'{value}' is not eba_BT:x28 (yes) or eba_BT:x29 (no).");
        return null;
    }
}
