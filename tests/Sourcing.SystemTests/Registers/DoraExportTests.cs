using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegisterFixtureBank;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>The DORA package: layout, every template's header and column order, the arrangements in it, and the audit entry.</summary>
[Collection(SystemCollection.Name)]
public sealed class DoraExportTests(SystemFixture system)
{
    /// <summary>The column codes of each template of the EBA DORA taxonomy 4.0, in order (written out here, not taken from the service).</summary>
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["b_01.01.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060",
        ["b_01.02.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110",
        ["b_01.03.csv"] = "c0010,c0020,c0030,c0040",
        ["b_02.01.csv"] = "c0010,c0020,c0030,c0040,c0050",
        ["b_02.02.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120,c0130,c0140,c0150,c0160,c0170,c0180",
        ["b_02.03.csv"] = "c0010,c0020,c0030",
        ["b_03.01.csv"] = "c0010,c0020,c0030",
        ["b_03.02.csv"] = "c0010,c0020,c0030",
        ["b_03.03.csv"] = "c0010,c0020,c0031",
        ["b_04.01.csv"] = "c0010,c0020,c0030,c0040",
        ["b_05.01.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120",
        ["b_05.02.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070",
        ["b_06.01.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100",
        ["b_07.01.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120",
        ["b_99.01.csv"] = "c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120,c0130,c0140,c0150,c0160,c0170,c0180,c0190",
    };

    [Fact]
    public async Task The_package_has_the_report_package_layout_every_template_header_in_order_and_every_kind_of_arrangement()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var bank = await RegisterFixtureBank.CreateAsync(t);

        using var response = await ExportAsync(t.Api);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"export answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var fileName = response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "";
        Assert.Matches(@"^ACMEBANK000000000094\.CON_DE_DORA010100_DORA_2026-06-30_\d{17}\.zip$", fileName);

        var package = new DoraPackageReader(bytes);
        Assert.Equal(fileName[..^4], package.Root);
        var expected = new[] { "META-INF/reportPackage.json", "reports/report.json", "reports/parameters.csv", "reports/FilingIndicators.csv" }
            .Concat(Headers.Keys.Select(k => $"reports/{k}")).Select(p => $"{package.Root}/{p}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, package.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            "http://www.eba.europa.eu/eu/fr/xbrl/crr/fws/dora/4.0/mod/dora.json",
            JsonDocument.Parse(package.Text("reports/report.json")).RootElement.GetProperty("documentInfo").GetProperty("extends")[0].GetString());
        Assert.Equal(
            "https://xbrl.org/report-package/2023",
            JsonDocument.Parse(package.Text("META-INF/reportPackage.json")).RootElement.GetProperty("documentInfo").GetProperty("documentType").GetString());
        var parameters = package.Table("parameters.csv");
        Assert.Equal(["name", "value"], parameters[0]);
        Assert.Contains(parameters, p => p[0] == "entityID" && p[1] == $"rs:{BankLei}.CON");
        Assert.Contains(parameters, p => p[0] == "refPeriod" && p[1] == ReferenceDate);
        Assert.Contains(parameters, p => p[0] == "baseCurrency" && p[1] == "iso4217:EUR");

        foreach (var (file, header) in Headers)
        {
            Assert.Equal(header, string.Join(',', package.Table(file)[0]));
        }

        // Filing indicators follow the tables: B_99.01 (own terminology) is empty, the rest are filled.
        var indicators = package.Table("FilingIndicators.csv");
        Assert.Equal(["templateID", "reported"], indicators[0]);
        Assert.Equal(15, indicators.Count - 1);
        Assert.All(indicators.Skip(1), i => Assert.Equal(i[0] == "B_99.01" ? "false" : "true", i[1]));

        // Entities, branch.
        Assert.Equal([$"{BankLei}|Acme Bank AG|eba_GA:DE|eba_CT:x12|DE_BAFIN"], package.Rows("b_01.01.csv").Select(r => $"{r["c0010"]}|{r["c0020"]}|{r["c0030"]}|{r["c0040"]}|{r["c0050"]}"));
        Assert.Equal([BankLei, ParentLei], package.Rows("b_01.02.csv").Select(r => r["c0010"]));
        Assert.Equal("eba_CU:EUR", package.Rows("b_01.02.csv")[0]["c0100"]);
        Assert.Equal(["BR-LU-01"], package.Rows("b_01.03.csv").Select(r => r["c0010"]));

        // Contracts: the three ICT arrangements; the BPO customer service is not ICT and stays out.
        Assert.Equal(["C-HOST-1", "IG-001", "IG-002"], package.Rows("b_02.01.csv").Select(r => r["c0010"]).Order(StringComparer.Ordinal));
        var b0202 = package.Rows("b_02.02.csv");
        // Hosting: 2 functions x 1 storage country x 2 processing countries; captive and group SaaS: 1 each.
        Assert.Equal(4, b0202.Count(r => r["c0010"] == "C-HOST-1"));
        Assert.Equal(6, b0202.Count);
        var hostRow = b0202.First(r => r["c0010"] == "C-HOST-1" && r["c0050"] == "F-PAY" && r["c0160"] == "eba_GA:IE");
        Assert.Equal(
            [BankLei, HostLei, "eba_qCO:qx2000", "eba_TA:S17", "2026-01-01", "2028-12-31", "90", "eba_GA:DE", "eba_GA:DE", "eba_BT:x28", "eba_GA:DE", "eba_ZZ:x793", "eba_ZZ:x797"],
            new[] { "c0020", "c0030", "c0040", "c0060", "c0070", "c0080", "c0100", "c0120", "c0130", "c0140", "c0150", "c0170", "c0180" }.Select(c => hostRow[c]));

        // Intra-group: the captive centre and the group's own IT provider.
        Assert.Equal(["IG-001", "IG-002"], package.Rows("b_02.03.csv").Select(r => r["c0010"]).Order(StringComparer.Ordinal));
        Assert.Equal([$"IG-001|{CentreLei}|true", $"IG-002|{GroupItLei}|true"], package.Rows("b_03.03.csv").Select(r => $"{r["c0010"]}|{r["c0020"]}|{r["c0031"]}").Order(StringComparer.Ordinal));
        Assert.Equal(["C-HOST-1", "IG-002"], package.Rows("b_03.02.csv").Select(r => r["c0010"]).Order(StringComparer.Ordinal));
        Assert.Contains(package.Rows("b_04.01.csv"), r => r["c0010"] == "IG-002" && r["c0030"] == "eba_ZZ:x838" && r["c0040"] == "BR-LU-01");
        Assert.Contains(package.Rows("b_04.01.csv"), r => r["c0010"] == "C-HOST-1" && r["c0030"] == "eba_ZZ:x839" && r["c0040"] == "");

        // Providers: host, the chain's two subcontractors (one without LEI, by its VAT number), the group IT provider and the centre.
        var providers = package.Rows("b_05.01.csv").ToDictionary(r => r["c0010"], StringComparer.Ordinal);
        Assert.Equal(new[] { "PH123456789", CentreLei, GroupItLei, HostLei, SubLei }.Order(StringComparer.Ordinal), providers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("eba_qCO:qx2004", providers["PH123456789"]["c0020"]);
        Assert.Equal("1200000", providers[HostLei]["c0100"]);
        Assert.Equal("eba_CU:EUR", providers[HostLei]["c0090"]);
        Assert.Equal(ParentLei, providers[GroupItLei]["c0110"]);

        // The two-level chain: host (rank 1), its subcontractor (rank 2), the subcontractor's own (rank 3).
        var chain = package.Rows("b_05.02.csv").Where(r => r["c0010"] == "C-HOST-1").Select(r => $"{r["c0050"]}:{r["c0030"]}<-{r["c0060"]}").ToList();
        Assert.Equal([$"1:{HostLei}<-{HostLei}", $"2:{SubLei}<-{HostLei}", $"3:PH123456789<-{SubLei}"], chain);

        // Functions once per (function, entity); assessment per provider arrangement.
        Assert.Equal(["F-LOAN", "F-PAY"], package.Rows("b_06.01.csv").Select(r => r["c0010"]).Order(StringComparer.Ordinal));
        var assessment = package.Rows("b_07.01.csv").Single(r => r["c0010"] == "C-HOST-1");
        Assert.Equal("eba_ZZ:x960|eba_ZZ:x964|2026-05-15|eba_BT:x28|eba_ZZ:x966|Other Cloud SE", $"{assessment["c0050"]}|{assessment["c0060"]}|{assessment["c0070"]}|{assessment["c0080"]}|{assessment["c0090"]}|{assessment["c0120"]}");

        // The audit trail: who, when, reference date and the SHA-256 of exactly the bytes received.
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(1, await SystemFixture.CountAsTenantAsync(Database, t.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register' AND field = 'sha256' AND new_value = @sha AND changed_by IS NOT NULL", ("sha", sha)));
        Assert.Equal(1, await SystemFixture.CountAsTenantAsync(Database, t.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register' AND field = 'referenceDate' AND new_value = '2026-06-30'"));
        Assert.Contains(await OutboxAsync(t.TenantId, "AuditRecorded"), r => r.Payload.GetProperty("subjectType").GetString() == "dora-register");
    }

    [Fact]
    public async Task Only_admins_and_vendor_managers_export_and_a_tenant_exports_only_its_own_arrangements()
    {
        using var a = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(a);
        using var b = await NewTenantAsync(system, "Beta Bank", "DE", "EUR", "Europe/Berlin");
        await SetUpGroupAsync(b.Api);

        using (var viewer = AsRole(system, a.TenantId, "viewer"))
        using (var refused = await ExportAsync(viewer))
        {
            await ProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        using (var manager = AsRole(system, a.TenantId, "vendor-manager"))
        using (var ok = await ExportAsync(manager))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var other = await ExportAsync(b.Api);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var package = new DoraPackageReader(await other.Content.ReadAsByteArrayAsync());
        Assert.Empty(package.Rows("b_02.01.csv"));
        Assert.Empty(package.Rows("b_05.01.csv"));
    }
}
