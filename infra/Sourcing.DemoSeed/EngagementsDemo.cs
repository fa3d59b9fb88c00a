using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sourcing.Testing;

/// <summary>
/// Seeds the demo tenant's providers (Philippines, India, Poland, Mexico, United States), a captive
/// centre at home and one abroad, a partnership at home and one abroad, and engagements of every
/// classification, through the engagements API with the admin's token. Idempotent: records are
/// matched by name and only the missing ones are created.
/// </summary>
internal static class EngagementsDemo
{
    public static async Task SeedAsync(Uri engagements, Uri tenants, string adminToken)
    {
        using var api = SourcingClient.Api(engagements, adminToken);
        if (!await TenantKnownAsync(api, TimeSpan.FromSeconds(20)))
        {
            // A demo tenant signed up before the engagements service existed never reached it: save
            // its settings twice (a changed name, then the name back) so that TenantSettingsChanged carries them.
            using var tenantsApi = SourcingClient.Api(tenants, adminToken);
            var tenant = JsonNode.Parse(await tenantsApi.GetStringAsync("api/tenant"))!.AsObject();
            var name = tenant["name"]!.GetValue<string>();
            tenant["name"] = name + " (resync)";
            (await tenantsApi.PutAsJsonAsync("api/tenant/settings", tenant)).EnsureSuccessStatusCode();
            tenant["name"] = name;
            (await tenantsApi.PutAsJsonAsync("api/tenant/settings", tenant)).EnsureSuccessStatusCode();
            Console.WriteLine("  re-sent the demo tenant's settings to the engagements service");
            if (!await TenantKnownAsync(api, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException("The engagements service did not receive the demo tenant's settings.");
            }
        }

        var providers = await Existing(api, "api/providers", "legalName");
        async Task<Guid> Provider(string name, string country, params object[] certifications) =>
            providers.TryGetValue(name, out var id) ? id : providers[name] = await Create(api, "api/providers", new
            {
                legalName = name,
                hqCountry = country,
                deliveryCountries = new[] { country },
                certifications,
                website = $"https://{new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).Take(20).ToArray())}.example.com",
                contactName = "Account Manager",
                contactEmail = "accounts@provider.example.com",
            });

        var iso = new { name = "ISO 27001", validUntil = "2028-06-30" };
        var soc2 = new { name = "SOC 2 Type II", validUntil = "2027-03-31" };
        var manila = await Provider("Manila Contact BPO Inc", "PH", iso);
        var bangalore = await Provider("Bangalore Code Works Pvt Ltd", "IN", soc2);
        var krakow = await Provider("Kraków Finance Services Sp. z o.o.", "PL");
        var monterrey = await Provider("Monterrey Logistics SA de CV", "MX", iso);
        var chicago = await Provider("Chicago Payroll Partners LLC", "US", soc2);
        var boston = await Provider("Boston Legal Support LLC", "US");
        var ohio = await Provider("Ohio Precision Manufacturing Inc", "US");
        var onsite = await Provider("Onsite IT Staffing Inc", "US", iso);
        var cebu = await Provider("Cebu Legal Process Ltd", "PH");
        var karachi = await Provider("Karachi Medical Transcription (Pvt) Ltd", "PK");
        var cairo = await Provider("Cairo Contact Centre SAE", "EG");

        var centres = await Existing(api, "api/captive-centres", "legalEntity");
        async Task<Guid> Centre(string name, string country, decimal share, bool shared, int headcount, decimal cost, string currency) =>
            centres.TryGetValue(name, out var id) ? id : centres[name] = await Create(api, "api/captive-centres", new
            {
                legalEntity = name,
                country,
                ownershipPercent = share,
                sharedControl = shared,
                headcount,
                functions = new[] { "shared services" },
                annualOperatingCost = cost,
                currency,
            });

        var poland = await Centre("Northwind Poland Sp. z o.o.", "PL", 100m, false, 140, 18_000_000m, "PLN");
        var services = await Centre("Northwind Services Inc", "US", 100m, false, 60, 7_500_000m, "USD");
        var pune = await Centre("Pune Northwind Technologies Pvt Ltd (JV)", "IN", 50m, true, 90, 210_000_000m, "INR");
        var texas = await Centre("Northwind-Lone Star Analytics LLC (JV)", "US", 40m, false, 25, 3_000_000m, "USD");

        var existing = await Existing(api, "api/engagements", "name");
        async Task Engagement(string name, Guid? provider, Guid? centre, string scope, string process, string country, string? zone,
            string criticality, int headcount, string start, string? end, decimal value, string currency, string place = "provider-premises",
            string[]? sensitivity = null, bool core = false)
        {
            if (existing.ContainsKey(name))
            {
                return;
            }

            existing[name] = await Create(api, "api/engagements", new
            {
                name,
                providerId = provider,
                captiveCentreId = centre,
                scope,
                businessProcess = process,
                deliveryCountry = country,
                deliveryTimeZone = zone,
                placeOfWork = place,
                headcount,
                core,
                dataSensitivity = sensitivity ?? [],
                criticality,
                status = "active",
                contract = value <= 0 ? null : (object)new
                {
                    start,
                    end,
                    noticePeriodDays = 90,
                    autoRenewal = end is null,
                    pricingModel = "per-fte",
                    annualValue = value,
                    currency,
                    serviceCreditTerms = "5 % of the monthly fee per missed SLA, capped at 20 %",
                },
            });
        }

        // Third parties, row by row of DOMAIN.md's table, at home and abroad.
        await Engagement("On-site IT support, New York office", onsite, null, "whole-process", "it-services", "US", "America/New_York", "standard", 6, "2025-01-01", "2027-12-31", 600_000m, "USD", "tenant-premises");
        await Engagement("On-site warehouse IT, Monterrey", monterrey, null, "task", "it-services", "MX", "America/Monterrey", "standard", 4, "2026-03-01", "2026-12-31", 150_000m, "USD", "tenant-premises");
        await Engagement("Payroll for US staff", chicago, null, "whole-process", "hr-payroll", "US", "America/Chicago", "important", 12, "2025-01-01", "2027-12-31", 900_000m, "USD", sensitivity: ["personal", "financial"]);
        await Engagement("Customer service, English line", manila, null, "whole-process", "customer-service", "PH", null, "critical", 180, "2025-01-01", "2027-12-31", 3_600_000m, "USD", sensitivity: ["personal"]);
        await Engagement("Accounts payable processing", krakow, null, "whole-process", "accounting", "PL", null, "important", 35, "2025-07-01", null, 1_100_000m, "EUR", sensitivity: ["financial"]);
        await Engagement("Contract review backlog", boston, null, "task", "legal", "US", "America/New_York", "standard", 5, "2026-09-01", "2027-02-28", 250_000m, "USD", sensitivity: ["legal-privilege"]);
        await Engagement("Mobile app rebuild", bangalore, null, "task", "it-services", "IN", null, "important", 25, "2026-06-01", "2027-05-31", 800_000m, "USD", core: true);
        await Engagement("Discovery document review", cebu, null, "task", "legal", "PH", null, "standard", 10, "2026-10-01", "2027-03-31", 200_000m, "USD", sensitivity: ["legal-privilege"]);
        await Engagement("Spare parts machining", ohio, null, "whole-process", "manufacturing", "US", "America/New_York", "important", 40, "2024-01-01", "2028-12-31", 5_000_000m, "USD");
        // Two that the risk scores should flag: a large, sole-sourced critical process in an unstable
        // country with health data and poor service (critical), and a struggling offshore contact
        // centre with financial data (high). SlaDemo gives them their poor service levels.
        await Engagement("Medical transcription, Karachi", karachi, null, "whole-process", "transcription", "PK", null, "critical", 120, "2025-01-01", "2030-12-31", 40_000_000m, "USD", sensitivity: ["health", "personal"]);
        await Engagement("Arabic customer line, Cairo", cairo, null, "whole-process", "customer-service", "EG", null, "important", 80, "2025-01-01", "2030-12-31", 2_000_000m, "USD", sensitivity: ["financial", "personal"]);
        await Engagement("Cross-border distribution, Mexico", monterrey, null, "whole-process", "logistics", "MX", "America/Monterrey", "critical", 60, "2025-01-01", "2029-12-31", 2_400_000m, "USD");

        // Captive centres and partnerships, at home and abroad.
        await Engagement("Data entry and back office", null, services, "whole-process", "data-entry", "US", "America/Chicago", "standard", 60, "2024-01-01", null, 0m, "USD");
        await Engagement("Finance shared services centre", null, poland, "whole-process", "accounting", "PL", null, "critical", 140, "2023-01-01", null, 0m, "PLN", sensitivity: ["financial"]);
        await Engagement("Software engineering hub", null, pune, "whole-process", "it-services", "IN", null, "important", 90, "2024-04-01", null, 0m, "INR", core: true);
        await Engagement("Marketing analytics", null, texas, "task", "marketing", "US", "America/Chicago", "standard", 25, "2025-01-01", null, 0m, "USD");

        Console.WriteLine($"  engagements: {providers.Count} providers, {centres.Count} captive centres and partnerships, {existing.Count} engagements");
    }

    internal static async Task<bool> TenantKnownAsync(HttpClient api, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var settings = await api.GetAsync("api/engagement-settings");
            if (settings.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    internal static async Task<Dictionary<string, Guid>> Existing(HttpClient api, string url, string nameField)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"{url}?pageSize=500");
        return page.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty(nameField).GetString()!, i => i.GetProperty("id").GetGuid(), StringComparer.Ordinal);
    }

    internal static async Task<Guid> Create(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body, SourcingClient.Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
