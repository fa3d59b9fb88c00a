using System.Net;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegisterFixtureBank;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>Each of the four checks that make a supervisor reject a package: a 422 naming rule, template, row and column; after the fix the export succeeds.</summary>
[Collection(SystemCollection.Name)]
public sealed class DoraBlockingCheckTests(SystemFixture system)
{
    private static async Task<List<JsonElement>> ViolationsAsync(HttpClient api)
    {
        using var response = await ExportAsync(api);
        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        return [.. problem.GetProperty("violations").EnumerateArray()];
    }

    private static async Task ExportsAsync(HttpClient api)
    {
        using var response = await ExportAsync(api);
        var text = response.StatusCode == HttpStatusCode.OK ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"after the fix the export answered {(int)response.StatusCode}: {text}");
    }

    private static bool Is(JsonElement v, string rule, string template, string column) =>
        v.GetProperty("rule").GetString() == rule && v.GetProperty("template").GetString() == template && v.GetProperty("column").GetString() == column;

    [Fact]
    public async Task An_empty_primary_key_blocks_the_export_until_the_provider_is_identified()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(t);
        var anonymous = await CreateIdAsync(t.Api, "api/providers", ProviderWith("No Id Software GmbH", "DE", null));
        var engagement = await CreateIdAsync(t.Api, "api/engagements", Engagement(anonymous, name: "Licences", country: "DE"));
        await PutFactsAsync(t.Api, engagement, new { contractReference = "C-LIC-1", ictServiceType = "eba_TA:S13" });

        var violations = await ViolationsAsync(t.Api);
        Assert.Contains(violations, v => Is(v, "empty-primary-key", "B_05.01", "c0010"));
        Assert.Contains(violations, v => Is(v, "empty-primary-key", "B_03.02", "c0020") && v.GetProperty("rowKey").GetString()!.StartsWith("C-LIC-1", StringComparison.Ordinal));
        Assert.Equal(0, await SystemFixture.CountAsTenantAsync(Database, t.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register'"));

        await PutOkAsync(t.Api, $"api/registers/providers/{anonymous}", new { otherCode = "DE811111111", otherCodeType = "eba_qCO:qx2004" });
        await ExportsAsync(t.Api);
        Assert.Equal(1, await SystemFixture.CountAsTenantAsync(Database, t.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register' AND field = 'sha256'"));
    }

    [Fact]
    public async Task A_duplicate_primary_key_blocks_the_export_until_the_reference_is_unique()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var bank = await RegisterFixtureBank.CreateAsync(t);
        var body = Engagement(bank.HostId, name: "Second hosting", country: "DE");
        ((Dictionary<string, object?>)body["contract"]!)["annualValue"] = 50_000m;
        var second = await CreateIdAsync(t.Api, "api/engagements", body);
        await PutFactsAsync(t.Api, second, new { contractReference = "C-HOST-1", ictServiceType = "eba_TA:S17" });

        var violations = await ViolationsAsync(t.Api);
        Assert.Contains(violations, v => Is(v, "duplicate-primary-key", "B_02.01", "c0010") && v.GetProperty("rowKey").GetString() == "C-HOST-1" && v.GetProperty("row").GetInt32() > 1);

        await PutFactsAsync(t.Api, second, new { contractReference = "C-HOST-2", ictServiceType = "eba_TA:S17" });
        await ExportsAsync(t.Api);
    }

    [Fact]
    public async Task A_reference_to_a_contract_missing_from_B_02_01_blocks_the_export_until_it_names_a_contract()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var bank = await RegisterFixtureBank.CreateAsync(t);
        await PutFactsAsync(t.Api, bank.Captive, new
        {
            contractReference = "IG-001",
            arrangementType = "eba_CO:x3",
            overarchingReference = "IG-FRAME",
            ictServiceType = "eba_TA:S14",
            functions = new[] { new { identifier = "F-PAY", name = "Payments", licensedActivity = "eba_TA:x28", critical = "eba_BT:x28", criticalityReasons = "Payments stop", rtoHours = 4, rpoHours = 1, impact = "eba_ZZ:x793" } },
        });

        var violations = await ViolationsAsync(t.Api);
        Assert.Contains(violations, v => Is(v, "contract-missing-from-B_02.01", "B_02.01", "c0030") && v.GetProperty("rowKey").GetString() == "IG-001");
        Assert.Contains(violations, v => Is(v, "contract-missing-from-B_02.01", "B_02.03", "c0020"));

        await PutFactsAsync(t.Api, bank.Captive, new
        {
            contractReference = "IG-001",
            arrangementType = "eba_CO:x3",
            overarchingReference = "IG-002",
            ictServiceType = "eba_TA:S14",
            functions = new[] { new { identifier = "F-PAY", name = "Payments", licensedActivity = "eba_TA:x28", critical = "eba_BT:x28", criticalityReasons = "Payments stop", rtoHours = 4, rpoHours = 1, impact = "eba_ZZ:x793" } },
        });
        await ExportsAsync(t.Api);
    }

    [Fact]
    public async Task A_filing_indicator_that_disagrees_with_its_table_blocks_the_export_until_it_agrees()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(t);
        await PutOkAsync(t.Api, "api/registers/settings", new
        {
            reportingEntityLei = BankLei,
            competentAuthority = "DE_BAFIN",
            consolidation = "CON",
            declaredFilingIndicators = new Dictionary<string, bool> { ["B_01.03"] = false, ["B_99.01"] = true },
        });

        var violations = await ViolationsAsync(t.Api);
        Assert.Contains(violations, v => Is(v, "filing-indicator-disagrees", "B_01.03", "reported"));
        Assert.Contains(violations, v => Is(v, "filing-indicator-disagrees", "B_99.01", "reported"));

        await PutOkAsync(t.Api, "api/registers/settings", new
        {
            reportingEntityLei = BankLei,
            competentAuthority = "DE_BAFIN",
            consolidation = "CON",
            declaredFilingIndicators = new Dictionary<string, bool> { ["B_01.03"] = true, ["B_99.01"] = false },
        });
        await ExportsAsync(t.Api);
    }
}
