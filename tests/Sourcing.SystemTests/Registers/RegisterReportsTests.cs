using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegisterFixtureBank;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>Readiness (rows per template, blocking violations, missing fields with links) and the outsourcing register as CSV and XLSX.</summary>
[Collection(SystemCollection.Name)]
public sealed class RegisterReportsTests(SystemFixture system)
{
    [Fact]
    public async Task Readiness_counts_each_template_and_lists_missing_fields_with_a_link_to_the_record()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        var bank = await RegisterFixtureBank.CreateAsync(t);
        var readiness = await t.Api.GetFromJsonAsync<JsonElement>($"api/registers/readiness?referenceDate={ReferenceDate}");

        var templates = readiness.GetProperty("templates").EnumerateArray().ToDictionary(x => x.GetProperty("template").GetString()!, x => x.GetProperty("rows").GetInt32(), StringComparer.Ordinal);
        Assert.Equal(15, templates.Count);
        Assert.Equal(3, templates["B_02.01"]);
        Assert.Equal(6, templates["B_02.02"]);
        Assert.Equal(0, templates["B_99.01"]);
        Assert.Empty(readiness.GetProperty("blocking").EnumerateArray());

        var findings = readiness.GetProperty("findings").EnumerateArray().ToList();
        // The captive arrangement has no governing law recorded; the customer service is not ICT.
        Assert.Contains(findings, f => f.GetProperty("column").GetString() == "c0120" && f.GetProperty("link").GetString() == $"/api/registers/engagements/{bank.Captive}");
        Assert.Contains(findings, f => f.GetProperty("severity").GetString() == "info" && f.GetProperty("link").GetString() == $"/api/registers/engagements/{bank.CustomerService}");
        Assert.DoesNotContain(findings, f => f.GetProperty("link").GetString() == $"/api/registers/engagements/{bank.Hosting}" && f.GetProperty("register").GetString() == "dora");

        // A provider without any identifier is blocking, and shows where to fix it.
        var anonymous = await CreateIdAsync(t.Api, "api/providers", ProviderWith("No Id Software GmbH", "DE", null));
        var engagement = await CreateIdAsync(t.Api, "api/engagements", Engagement(anonymous, name: "Licences", country: "DE"));
        await PutFactsAsync(t.Api, engagement, new { contractReference = "C-LIC-1", ictServiceType = "eba_TA:S13" });
        readiness = await t.Api.GetFromJsonAsync<JsonElement>($"api/registers/readiness?referenceDate={ReferenceDate}");
        Assert.NotEmpty(readiness.GetProperty("blocking").EnumerateArray());
        Assert.Contains(readiness.GetProperty("findings").EnumerateArray(), f => f.GetProperty("link").GetString() == $"/api/registers/providers/{anonymous}");

        using var viewer = AsRole(system, t.TenantId, "viewer");
        using var read = await viewer.GetAsync("api/registers/readiness");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_outsourcing_register_lists_every_arrangement_intra_group_marked_as_csv_and_xlsx()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(t);

        using var csvResponse = await t.Api.GetAsync($"api/registers/outsourcing?referenceDate={ReferenceDate}");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var records = DoraPackageReader.Csv(Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var header = records[0];
        var rows = records.Skip(1).Select(r => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => r[x.i], StringComparer.Ordinal)).ToList();
        // All four arrangements, the non-ICT customer service included.
        Assert.Equal(4, rows.Count);
        Assert.Equal("yes", rows.Single(r => r["referenceNumber"] == "IG-001")["intraGroup"]);
        Assert.Equal("yes", rows.Single(r => r["referenceNumber"] == "IG-002")["intraGroup"]);
        var hosting = rows.Single(r => r["referenceNumber"] == "C-HOST-1");
        Assert.Equal("no", hosting["intraGroup"]);
        Assert.Equal("yes", hosting["cloudService"]);
        Assert.Equal("2026-03-31", hosting["lastRiskAssessment"]);
        Assert.Equal("2: SubProc Data Ltd; 3: Contact BPO Inc", hosting["subcontractors"]);
        Assert.Equal(HostLei, hosting["providerLei"]);

        using var xlsxResponse = await t.Api.GetAsync($"api/registers/outsourcing?referenceDate={ReferenceDate}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, sheet.Count);
        Assert.Contains(sheet, r => (string?)r["referenceNumber"] == "C-HOST-1" && (string?)r["cloudService"] == "yes");

        using var viewer = AsRole(system, t.TenantId, "viewer");
        using var refused = await viewer.GetAsync("api/registers/outsourcing");
        await ProblemAsync(refused, HttpStatusCode.Forbidden);
    }
}
