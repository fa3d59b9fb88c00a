using System.Text.RegularExpressions;
using Sourcing.Contracts;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Providers;
using Sourcing.Engagements.Scores;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Import;

/// <summary>
/// The documented CSV columns (docs/engagements.md) and the mapping between a row and the API's
/// request records, so that a row is validated by exactly the rules of the API.
/// </summary>
public static partial class CsvSchemas
{
    public static readonly CsvColumns Providers = new(
        ["id", "legalName", "hqCountry", "deliveryCountries", "certifications", "website", "contactName", "contactEmail", "lei"],
        ["legalName", "hqCountry"],
        []);

    public static readonly CsvColumns Engagements = new(
        [
            "id", "name", "providerId", "captiveCentreId", "scope", "businessProcess", "deliveryCountry", "deliverySite",
            "deliveryTimeZone", "deliveryLanguages", "placeOfWork", "headcount", "core", "dataSensitivity", "criticality",
            "ownerUserId", "status", "contractStart", "contractEnd", "noticePeriodDays", "autoRenewal", "pricingModel",
            "annualValue", "currency", "serviceCreditTerms", "businessFunctions", "dataStorageCountries",
            "dataProcessingCountries", "terminatedOn", "renewalDecision",
        ],
        ["name", "scope", "businessProcess"],
        [
            "sourceKind", "classification", "locationGrade", "classificationReason", "providerName", "captiveCentreName",
            "qualityScore", "dependencyScore", "geopoliticalScore", "compositeScore", "riskBand",
        ]);

    private static readonly string[] ContractColumns =
        ["contractStart", "contractEnd", "noticePeriodDays", "autoRenewal", "pricingModel", "annualValue", "currency", "serviceCreditTerms", "renewalDecision"];

    public static ProviderRequest ToProviderRequest(CsvRow row, IReadOnlyList<Subcontractor> keep)
    {
        var certifications = new List<CertificationRequest>();
        foreach (var item in row.List("certifications") ?? [])
        {
            var bar = item.LastIndexOf('|');
            if (bar < 0)
            {
                certifications.Add(new CertificationRequest(item, null));
            }
            else if (DateOnly.TryParseExact(item[(bar + 1)..].Trim(), "yyyy-MM-dd", out var until))
            {
                certifications.Add(new CertificationRequest(item[..bar].Trim(), until));
            }
            else
            {
                row.Fail("certifications", $"'{item}' is not 'name' or 'name|yyyy-mm-dd'.");
            }
        }

        return new ProviderRequest(
            row.Text("legalName"), row.Text("hqCountry"), row.List("deliveryCountries"), certifications, row.Text("website"),
            row.Text("contactName"), row.Text("contactEmail"), row.Text("lei"),
            [.. keep.Select(s => new SubcontractorRequest(s.ProviderId, s.Rank))]);
    }

    public static EngagementRequest ToEngagementRequest(CsvRow row, Guid? providerId, Guid? captiveCentreId)
    {
        var contract = ContractColumns.Any(c => row.Text(c) is not null)
            ? new ContractRequest(
                row.Date("contractStart"), row.Date("contractEnd"), row.WholeNumber("noticePeriodDays"), row.Bool("autoRenewal"),
                row.Text("pricingModel"), row.Number("annualValue"), row.Text("currency"), row.Text("serviceCreditTerms"), row.Text("renewalDecision"))
            : null;
        return new EngagementRequest(
            row.Text("name"), providerId, captiveCentreId, row.Text("scope"), row.Text("businessProcess"), row.Text("deliveryCountry"),
            row.Text("deliverySite"), row.Text("deliveryTimeZone"), row.List("deliveryLanguages"), row.Text("placeOfWork"),
            row.WholeNumber("headcount"), row.Bool("core"), row.List("dataSensitivity"), row.Text("criticality"), row.Id("ownerUserId"),
            row.Text("status"), contract, row.List("businessFunctions"), row.List("dataStorageCountries"),
            row.List("dataProcessingCountries"), row.Date("terminatedOn"));
    }

    /// <summary>Moves the API's validation errors onto the row, each under its CSV column.</summary>
    public static void AddTo(CsvRow row, ValidationErrors errors)
    {
        foreach (var (field, rules) in errors.ToDictionary())
        {
            var column = Column(field);
            foreach (var rule in rules)
            {
                row.Fail(column, rule);
            }
        }
    }

    /// <summary>"contract.start" → contractStart, "deliveryCountries[1]" → deliveryCountries, "certifications[0].name" → certifications.</summary>
    public static string Column(string field)
    {
        var f = Indexer().Replace(field, "");
        return f switch
        {
            "contract.start" => "contractStart",
            "contract.end" => "contractEnd",
            _ when f.StartsWith("contract.", StringComparison.Ordinal) => f["contract.".Length..],
            _ => f,
        };
    }

    [GeneratedRegex(@"\[\d+\].*$")]
    private static partial Regex Indexer();

    public static IEnumerable<string?> ProviderCells(Provider p) =>
    [
        p.Id.ToString(), p.LegalName, p.HqCountry, string.Join(";", p.DeliveryCountries),
        string.Join(";", p.Certifications.Select(c => c.ValidUntil is { } d ? $"{c.Name}|{d:yyyy-MM-dd}" : c.Name)),
        p.Website, p.ContactName, p.ContactEmail, p.Lei,
    ];

    /// <summary>An engagement's row: the import's columns, then the read-only ones (classification, names, current scores and band).</summary>
    public static IEnumerable<string?> EngagementCells(Engagement e, string? providerName, string? centreName, EngagementRiskScore? score)
    {
        string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            e.Id.ToString(), e.Name, e.ProviderId?.ToString(), e.CaptiveCentreId?.ToString(), e.Scope, e.BusinessProcess, e.DeliveryCountry,
            e.DeliverySite, e.DeliveryTimeZone, string.Join(";", e.DeliveryLanguages), e.PlaceOfWork,
            e.Headcount?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Core ? "true" : "false",
            string.Join(";", e.DataSensitivity), e.Criticality, e.OwnerUserId?.ToString(), e.Status, Date(e.ContractStart),
            Date(e.ContractEnd), e.NoticePeriodDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.AutoRenewal is { } r ? (r ? "true" : "false") : null, e.PricingModel, Engagement.Text(e.AnnualValue), e.Currency,
            e.ServiceCreditTerms, string.Join(";", e.BusinessFunctions), string.Join(";", e.DataStorageCountries),
            string.Join(";", e.DataProcessingCountries), Date(e.TerminatedOn), e.RenewalDecision,
            e.SourceKind, e.ClassificationKind, e.LocationGrade, e.ClassificationReason, providerName, centreName,
            Engagement.Text(score?.Quality), Engagement.Text(score?.Dependency), Engagement.Text(score?.Geopolitical),
            Engagement.Text(score?.Composite), score?.Band,
        ];
    }
}
