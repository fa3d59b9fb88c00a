using System.Net.Http.Json;
using Sourcing.SystemTests.Engagements;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>
/// A bank tenant with every kind of arrangement: a cloud provider with two functions and a
/// two-level subcontracting chain, a captive centre, an intra-group provider used by a branch,
/// and a BPO arrangement that is not ICT (outsourcing register only).
/// </summary>
public sealed record RegisterFixtureBank(Guid HostId, Guid BpoId, Guid SubId, Guid GroupItId, Guid CentreId, Guid Hosting, Guid Captive, Guid GroupIt, Guid CustomerService)
{
    public const string ReferenceDate = "2026-06-30";

    public static async Task<RegisterFixtureBank> CreateAsync(EngagementsTenant t)
    {
        var api = t.Api;
        await SetUpGroupAsync(api);
        await PutOkAsync(api, "api/registers/branches/BR-LU-01", new { headOfficeLei = BankLei, name = "Acme Bank AG, Luxembourg branch", country = "LU" });

        var host = await CreateIdAsync(api, "api/providers", ProviderWith("Host X Cloud GmbH", "DE", HostLei));
        var bpo = await CreateIdAsync(api, "api/providers", ProviderWith("Contact BPO Inc", "PH", null));
        var sub = await CreateIdAsync(api, "api/providers", ProviderWith("SubProc Data Ltd", "IE", SubLei));
        var groupIt = await CreateIdAsync(api, "api/providers", ProviderWith("Acme Group IT S.A.", "LU", GroupItLei));
        await PutOkAsync(api, $"api/registers/providers/{bpo}", new { otherCode = "PH123456789", otherCodeType = "eba_qCO:qx2004", personType = "eba_CT:x212" });
        await PutOkAsync(api, $"api/registers/providers/{groupIt}", new { intraGroup = true });
        var centreBody = CaptiveCentre("Acme Tech Polska Sp. z o.o.", "PL");
        centreBody["lei"] = CentreLei;
        var centre = await CreateIdAsync(api, "api/captive-centres", centreBody);

        var hostingBody = Engagement(host, name: "Core banking hosting", country: "DE");
        hostingBody["businessProcess"] = "it-services";
        hostingBody["dataStorageCountries"] = new[] { "DE" };
        hostingBody["dataProcessingCountries"] = new[] { "DE", "IE" };
        hostingBody["criticality"] = "critical";
        hostingBody["dataSensitivity"] = new[] { "financial" };
        ((Dictionary<string, object?>)hostingBody["contract"]!)["currency"] = "EUR";

        var hosting = await CreateIdAsync(api, "api/engagements", hostingBody);
        var captiveBody = Engagement(captiveCentreId: centre, name: "Application maintenance (captive)", country: "PL");
        captiveBody["businessProcess"] = "it-services";
        var captive = await CreateIdAsync(api, "api/engagements", captiveBody);
        var groupBody = Engagement(groupIt, name: "Group SaaS for lending", country: "LU");
        groupBody["businessProcess"] = "it-services";
        var group = await CreateIdAsync(api, "api/engagements", groupBody);
        var customer = await CreateIdAsync(api, "api/engagements", Engagement(bpo, name: "Customer service", country: "PH"));

        await PutOkAsync(api, $"api/registers/engagements/{hosting}", new
        {
            contractReference = "C-HOST-1",
            ictServiceType = "eba_TA:S17",
            governingLawCountry = "DE",
            reliance = "eba_ZZ:x797",
            substitutability = "eba_ZZ:x960",
            nonSubstitutabilityReason = "eba_ZZ:x964",
            exitPlan = true,
            reintegration = "eba_ZZ:x966",
            discontinuingImpact = "eba_ZZ:x793",
            alternativesIdentified = true,
            alternativeProviders = new[] { "Other Cloud SE" },
            lastRiskAssessment = "2026-03-31",
            lastAudit = "2026-05-15",
            functions = new object[]
            {
                new { identifier = "F-PAY", name = "Payments", licensedActivity = "eba_TA:x28", critical = "eba_BT:x28", criticalityReasons = "Payments stop", rtoHours = 4, rpoHours = 1, impact = "eba_ZZ:x793" },
                new { identifier = "F-LOAN", name = "Lending", licensedActivity = "eba_TA:x163", rtoHours = 24, rpoHours = 4 },
            },
            chain = new object[] { new { providerId = sub, rank = 2 }, new { providerId = bpo, rank = 3, recipientProviderId = sub } },
        });
        await PutOkAsync(api, $"api/registers/engagements/{captive}", new
        {
            contractReference = "IG-001",
            ictServiceType = "eba_TA:S14",
            functions = new[] { new { identifier = "F-PAY", name = "Payments", licensedActivity = "eba_TA:x28", critical = "eba_BT:x28", criticalityReasons = "Payments stop", rtoHours = 4, rpoHours = 1, impact = "eba_ZZ:x793" } },
        });
        await PutOkAsync(api, $"api/registers/engagements/{group}", new
        {
            contractReference = "IG-002",
            ictServiceType = "eba_TA:S19",
            branchCode = "BR-LU-01",
            functions = new[] { new { identifier = "F-LOAN", name = "Lending", licensedActivity = "eba_TA:x163", rtoHours = 24, rpoHours = 4 } },
        });

        return new RegisterFixtureBank(host, bpo, sub, groupIt, centre, hosting, captive, group, customer);
    }

    public static async Task<HttpResponseMessage> ExportAsync(HttpClient api, string referenceDate = ReferenceDate) =>
        await api.GetAsync($"api/registers/dora?referenceDate={referenceDate}");

    public static Task PutFactsAsync(HttpClient api, Guid engagementId, object body) => PutOkAsync(api, $"api/registers/engagements/{engagementId}", body);

    public static async Task<System.Text.Json.JsonElement> GetAsync(HttpClient api, string url) => await api.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
}
