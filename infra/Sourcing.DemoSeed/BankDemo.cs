using System.Net;
using System.Net.Http.Json;
using Sourcing.Testing;

/// <summary>
/// A second demo tenant, a German bank, whose registers are complete: its group (holding and bank)
/// and a Luxembourg branch, ICT providers identified by LEI or national code, a captive centre, an
/// intra-group IT provider, a cloud provider with a subcontracting chain, and a BPO arrangement that
/// is not ICT (outsourcing register only). Fourth parties: one hosting firm (Atlas Hyperscale Hosting)
/// sits in the chains of two of the three critical engagements and of the lending platform, and a data
/// vault in two others, so that the Fourth parties page shows a shared host ("66.7 % of critical
/// engagements depend on Atlas Hyperscale Hosting Ltd"). Its DORA package must export with no blocking finding
/// right after the seed, and the seeder checks that it does. Idempotent: records are matched by name.
/// The LEIs are made up for the demo; their ISO 17442 check digits are correct.
/// </summary>
internal static class BankDemo
{
    public const string AdminEmail = "admin@hanse-bank.example";
    private const string HoldingLei = "HANSEHOLDING00000031";
    private const string BankLei = "HANSEBANK00000000036";
    private const string CloudLei = "NORDCLOUD00000000072";
    private const string VaultLei = "DATAVAULT00000000013";
    private const string CentreLei = "HANSETECHPL000000028";
    private const string GroupItLei = "HANSEGRPIT0000000044";
    private const string AtlasLei = "ATLASHOSTING00000094";
    private const string PayRailLei = "PAYRAILPROC000000003";
    private const string DigiBankLei = "DIGIBANKSW0000000010";

    public static async Task SeedAsync(SourcingClient client, Uri engagements, string password)
    {
        string token;
        try
        {
            token = (await client.Oidc.LoginAsync(AdminEmail, password)).AccessToken!;
            Console.WriteLine("  demo bank exists already");
        }
        catch (LoginFailedException)
        {
            var tenant = await client.SignUpAsync("Hanse Bank AG", "DE", "EUR", "Europe/Berlin", "Hanna Hanse", AdminEmail, password);
            token = tenant.AccessToken;
            Console.WriteLine($"  signed up Hanse Bank AG (tenant {tenant.TenantId})");
        }

        using var api = SourcingClient.Api(engagements, token);
        if (!await EngagementsDemo.TenantKnownAsync(api, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException("The engagements service did not receive the demo bank's settings.");
        }

        // The group: a holding, the bank that reports, a branch in Luxembourg; then the register's settings.
        await PutAsync(api, $"api/registers/entities/{HoldingLei}", Entity("Hanse Holding AG", "eba_RP:x53", 18_000_000_000m));
        await PutAsync(api, $"api/registers/entities/{BankLei}", Entity("Hanse Bank AG", "eba_RP:x56", 15_500_000_000m));
        await PutAsync(api, "api/registers/settings", new { reportingEntityLei = BankLei, competentAuthority = "DE_BAFIN", consolidation = "CON" });
        await PutAsync(api, "api/registers/branches/BR-LU-01", new { headOfficeLei = BankLei, name = "Hanse Bank AG, Luxembourg branch", country = "LU" });

        var providers = await EngagementsDemo.Existing(api, "api/providers", "legalName");
        async Task<Guid> Provider(string name, string country, string? lei) =>
            providers.TryGetValue(name, out var id) ? id : providers[name] = await EngagementsDemo.Create(api, "api/providers", new
            {
                legalName = name,
                hqCountry = country,
                deliveryCountries = new[] { country },
                certifications = new[] { new { name = "ISO 27001", validUntil = "2028-06-30" } },
                website = $"https://{new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).Take(20).ToArray())}.example.com",
                contactName = "Account Manager",
                contactEmail = "accounts@provider.example.com",
                lei,
            });

        var cloud = await Provider("Nord Cloud GmbH", "DE", CloudLei);
        var vault = await Provider("Data Vault Ireland Ltd", "IE", VaultLei);
        var groupIt = await Provider("Hanse Group IT S.A.", "LU", GroupItLei);
        var contact = await Provider("Manila Contact BPO Inc", "PH", null);
        var atlas = await Provider("Atlas Hyperscale Hosting Ltd", "IE", AtlasLei);
        var payRail = await Provider("PayRail Processing GmbH", "DE", PayRailLei);
        var digiBank = await Provider("DigiBank Software AG", "AT", DigiBankLei);
        await PutAsync(api, $"api/registers/providers/{contact}", new { otherCode = "PH123456789", otherCodeType = "eba_qCO:qx2004", personType = "eba_CT:x212" });
        await PutAsync(api, $"api/registers/providers/{groupIt}", new { intraGroup = true });

        var centres = await EngagementsDemo.Existing(api, "api/captive-centres", "legalEntity");
        var centre = centres.TryGetValue("Hanse Tech Polska Sp. z o.o.", out var known) ? known : await EngagementsDemo.Create(api, "api/captive-centres", new
        {
            legalEntity = "Hanse Tech Polska Sp. z o.o.",
            country = "PL",
            ownershipPercent = 100m,
            sharedControl = false,
            headcount = 110,
            functions = new[] { "application maintenance", "IT operations" },
            annualOperatingCost = 21_000_000m,
            currency = "PLN",
            lei = CentreLei,
        });

        var existing = await EngagementsDemo.Existing(api, "api/engagements", "name");
        async Task<Guid> Engagement(string name, Guid? provider, Guid? captiveCentre, string process, string country, string criticality, decimal value, string[] sensitivity)
        {
            if (existing.TryGetValue(name, out var id))
            {
                return id;
            }

            return existing[name] = await EngagementsDemo.Create(api, "api/engagements", new
            {
                name,
                providerId = provider,
                captiveCentreId = captiveCentre,
                scope = "whole-process",
                businessProcess = process,
                deliveryCountry = country,
                placeOfWork = "provider-premises",
                headcount = 40,
                core = false,
                dataSensitivity = sensitivity,
                criticality,
                status = "active",
                dataStorageCountries = new[] { country },
                dataProcessingCountries = new[] { country },
                contract = value <= 0 ? null : (object)new
                {
                    start = "2024-01-01",
                    end = "2028-12-31",
                    noticePeriodDays = 180,
                    autoRenewal = false,
                    pricingModel = "fixed-fee",
                    annualValue = value,
                    currency = "EUR",
                },
            });
        }

        var hosting = await Engagement("Core banking hosting", cloud, null, "it-services", "DE", "critical", 4_800_000m, ["financial", "personal"]);
        var captive = await Engagement("Application maintenance (captive)", null, centre, "it-services", "PL", "important", 0m, ["financial"]);
        var lending = await Engagement("Group lending platform", groupIt, null, "it-services", "LU", "important", 1_300_000m, ["financial", "personal"]);
        await Engagement("Customer service, card holders", contact, null, "customer-service", "PH", "standard", 900_000m, ["personal"]);
        var cardPayments = await Engagement("Card payment processing", payRail, null, "it-services", "DE", "critical", 2_100_000m, ["financial", "personal"]);
        var onlineBanking = await Engagement("Online banking platform", digiBank, null, "it-services", "AT", "critical", 1_600_000m, ["financial", "personal"]);

        var payments = new { identifier = "F-PAY", name = "Payments", licensedActivity = "eba_TA:x28", critical = "eba_BT:x28", criticalityReasons = "Payments stop without it", rtoHours = 4, rpoHours = 1, impact = "eba_ZZ:x793" };
        var loans = new { identifier = "F-LOAN", name = "Lending", licensedActivity = "eba_TA:x163", rtoHours = 24, rpoHours = 4 };
        await PutAsync(api, $"api/registers/engagements/{hosting}", new
        {
            contractReference = "HB-ICT-001",
            ictServiceType = "eba_TA:S17",
            governingLawCountry = "DE",
            reliance = "eba_ZZ:x797",
            substitutability = "eba_ZZ:x960",
            nonSubstitutabilityReason = "eba_ZZ:x964",
            exitPlan = true,
            reintegration = "eba_ZZ:x966",
            discontinuingImpact = "eba_ZZ:x793",
            alternativesIdentified = true,
            alternativeProviders = new[] { "Another Cloud SE" },
            lastRiskAssessment = "2025-09-30",
            lastAudit = "2025-11-15",
            functions = new object[] { payments, loans },
            // Nord Cloud runs on Atlas's data centres and keeps its backups at Data Vault.
            chain = new object[] { new { providerId = atlas, rank = 2 }, new { providerId = vault, rank = 2 } },
        });
        await PutAsync(api, $"api/registers/engagements/{captive}", new { contractReference = "HB-IG-001", ictServiceType = "eba_TA:S14", functions = new object[] { payments } });
        await PutAsync(api, $"api/registers/engagements/{lending}", new
        {
            contractReference = "HB-IG-002",
            ictServiceType = "eba_TA:S19",
            branchCode = "BR-LU-01",
            functions = new object[] { loans },
            chain = new object[] { new { providerId = atlas, rank = 2 } },
        });
        await PutAsync(api, $"api/registers/engagements/{cardPayments}", new
        {
            contractReference = "HB-ICT-002",
            ictServiceType = "eba_TA:S13",
            governingLawCountry = "DE",
            functions = new object[] { payments },
            chain = new object[] { new { providerId = atlas, rank = 2 } },
        });
        await PutAsync(api, $"api/registers/engagements/{onlineBanking}", new
        {
            contractReference = "HB-ICT-003",
            ictServiceType = "eba_TA:S13",
            governingLawCountry = "AT",
            functions = new object[] { payments },
            chain = new object[] { new { providerId = vault, rank = 2 } },
        });

        // The register on its default reference date (31 December of last year) must export.
        using var package = await api.GetAsync("api/registers/dora");
        var bytes = await package.Content.ReadAsByteArrayAsync();
        if (package.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The demo bank's DORA package did not export ({(int)package.StatusCode}): {System.Text.Encoding.UTF8.GetString(bytes)}");
        }

        // The shared host the Fourth parties page leads with.
        using var shared = await api.GetAsync("api/fourth-parties");
        var sharedText = await shared.Content.ReadAsStringAsync();
        if (shared.StatusCode != HttpStatusCode.OK || !sharedText.Contains(atlas.ToString(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The demo bank's shared fourth parties do not show Atlas ({(int)shared.StatusCode}): {sharedText}");
        }

        Console.WriteLine(
            $"  demo bank: {providers.Count} providers, 1 captive centre, {existing.Count} engagements; its DORA package exports with no blocking finding ({bytes.Length:N0} bytes, {package.Content.Headers.ContentDisposition?.FileName})");
    }

    private static Dictionary<string, object?> Entity(string name, string hierarchy, decimal totalAssets) => new()
    {
        ["name"] = name,
        ["entityType"] = "eba_CT:x12",
        ["hierarchy"] = hierarchy,
        ["parentLei"] = HoldingLei,
        ["country"] = "DE",
        ["currency"] = "EUR",
        ["totalAssets"] = totalAssets,
        ["integratedOn"] = "2020-01-01",
        ["deletedOn"] = null,
    };

    private static async Task PutAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PutAsJsonAsync(url, body, SourcingClient.Json);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"PUT {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
