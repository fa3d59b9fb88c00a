using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegisterFixtureBank;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>
/// The edges of the register reports (DORA export and import, readiness, outsourcing register):
/// bad input is a 400 naming the field with nothing written, and each tenant sees, exports and
/// imports only into its own data, tried both ways.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RegisterReportsBoundaryTests(SystemFixture system)
{
    private const string BetaLei = "BETABANK000000000030";
    private const string BetaCloudLei = "BETACLOUD00000000081";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] body, string query = "dryRun=false")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await api.PostAsync($"api/registers/dora/import?{query}", content);
    }

    private static async Task<byte[]> ExportBytesAsync(HttpClient api)
    {
        using var response = await ExportAsync(api);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"export answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    private static async Task AssertBadRequestNamingAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"{response.RequestMessage?.RequestUri}: the 400 does not name {field}: {problem}");
    }

    [Fact]
    public async Task Bad_input_to_the_register_reports_is_a_400_naming_the_field_and_writes_nothing()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(t);

        foreach (var (url, field) in new[]
                 {
                     ("api/registers/dora?referenceDate=2026-13-01", "referenceDate"),
                     ("api/registers/dora?referenceDate=30.06.2026", "referenceDate"),
                     ("api/registers/dora?refDate=2026-06-30", "refDate"),
                     ("api/registers/readiness?referenceDate=2026-02-30", "referenceDate"),
                     ("api/registers/outsourcing?referenceDate=tomorrow", "referenceDate"),
                     ("api/registers/outsourcing?format=pdf", "format"),
                 })
        {
            using var response = await t.Api.GetAsync(url);
            await AssertBadRequestNamingAsync(response, field);
        }

        var package = await ExportBytesAsync(t.Api);
        using var b = await NewTenantAsync(system, "Empty Bank", "DE", "EUR", "Europe/Berlin");
        using (var notBool = await ImportAsync(b.Api, package, "dryRun=maybe"))
        {
            await AssertBadRequestNamingAsync(notBool, "dryRun");
        }

        // A misspelt dryRun is refused rather than read as a real import.
        using (var misspelt = await ImportAsync(b.Api, package, "dry=true"))
        {
            await AssertBadRequestNamingAsync(misspelt, "dry");
        }

        using (var notZip = await ImportAsync(b.Api, Encoding.UTF8.GetBytes("c0010,c0020\nC-1,x\n")))
        {
            await AssertBadRequestNamingAsync(notZip, "body");
        }

        using (var empty = await ImportAsync(b.Api, []))
        {
            await AssertBadRequestNamingAsync(empty, "body");
        }

        // A ZIP cut short: its central directory is gone.
        using (var truncated = await ImportAsync(b.Api, package[..(package.Length / 2)]))
        {
            await AssertBadRequestNamingAsync(truncated, "body");
        }

        // Only the one good export above reached the audit trail; the refused import wrote nothing.
        Assert.Equal(1, await SystemFixture.CountAsTenantAsync(Database, t.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register' AND field = 'sha256'"));
        Assert.Equal(0, await CountAsync("providers", b.TenantId));
        Assert.Equal(0, await CountAsync("register_entities", b.TenantId));
        Assert.Equal(0, await CountAsync("engagements", b.TenantId));
    }

    [Fact]
    public async Task Export_readiness_outsourcing_register_and_import_each_see_only_their_own_tenant_both_ways()
    {
        using var a = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(a);
        using var b = await NewTenantAsync(system, "Beta Bank SA", "FR", "EUR", "Europe/Paris");
        await PutOkAsync(b.Api, $"api/registers/entities/{BetaLei}", Entity("Beta Bank SA", "eba_RP:x53", BetaLei, country: "FR"));
        await PutOkAsync(b.Api, "api/registers/settings", new { reportingEntityLei = BetaLei, competentAuthority = "FR_ACPR", consolidation = "CON" });
        var cloud = await CreateIdAsync(b.Api, "api/providers", ProviderWith("Beta Cloud SAS", "FR", BetaCloudLei));
        var hostingBody = Engagement(cloud, name: "Beta hosting", country: "FR");
        hostingBody["businessProcess"] = "it-services";
        var hosting = await CreateIdAsync(b.Api, "api/engagements", hostingBody);
        await PutFactsAsync(b.Api, hosting, new
        {
            contractReference = "B-CLOUD-1",
            ictServiceType = "eba_TA:S17",
            functions = new[] { new { identifier = "F-DEP", name = "Deposits", licensedActivity = "eba_TA:x28", rtoHours = 8, rpoHours = 2 } },
        });

        var ownContracts = new Dictionary<Guid, string[]>
        {
            [a.TenantId] = ["C-HOST-1", "IG-001", "IG-002"],
            [b.TenantId] = ["B-CLOUD-1"],
        };
        var ownProviders = new Dictionary<Guid, string[]>
        {
            [a.TenantId] = ["PH123456789", CentreLei, GroupItLei, HostLei, SubLei],
            [b.TenantId] = [BetaCloudLei],
        };
        var packages = new Dictionary<Guid, byte[]>();
        foreach (var (self, other) in new[] { (a, b), (b, a) })
        {
            // The export: only the tenant's own contracts, providers and entities; the audit entry only in its own trail.
            var before = await SystemFixture.CountAsTenantAsync(Database, other.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register'");
            var bytes = await ExportBytesAsync(self.Api);
            packages[self.TenantId] = bytes;
            var package = new DoraPackageReader(bytes);
            Assert.Equal(ownContracts[self.TenantId], package.Rows("b_02.01.csv").Select(r => r["c0010"]).Order(StringComparer.Ordinal));
            Assert.Equal(ownProviders[self.TenantId].Order(StringComparer.Ordinal), package.Rows("b_05.01.csv").Select(r => r["c0010"]).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(package.Rows("b_01.02.csv"), r => r["c0010"] == (self == a ? BetaLei : BankLei));
            Assert.Equal(before, await SystemFixture.CountAsTenantAsync(Database, other.TenantId, "SELECT count(*) FROM audit_entries WHERE subject_type = 'dora-register'"));

            // Readiness counts the tenant's own rows.
            var readiness = await self.Api.GetFromJsonAsync<JsonElement>($"api/registers/readiness?referenceDate={ReferenceDate}");
            var rows = readiness.GetProperty("templates").EnumerateArray().ToDictionary(x => x.GetProperty("template").GetString()!, x => x.GetProperty("rows").GetInt32(), StringComparer.Ordinal);
            Assert.Equal(ownContracts[self.TenantId].Length, rows["B_02.01"]);
            Assert.Equal(ownProviders[self.TenantId].Length, rows["B_05.01"]);

            // The outsourcing register lists the tenant's own arrangements (A's non-ICT customer service included).
            using var csv = await self.Api.GetAsync($"api/registers/outsourcing?referenceDate={ReferenceDate}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var records = DoraPackageReader.Csv(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
            var reference = Array.IndexOf(records[0], "referenceNumber");
            var references = records.Skip(1).Select(r => r[reference]).ToList();
            Assert.Equal(self == a ? 4 : 1, references.Count);
            Assert.All(ownContracts[self.TenantId], c => Assert.Contains(c, references));
            Assert.DoesNotContain(references, r => ownContracts[other.TenantId].Contains(r));
        }

        // The import, both ways: each takes the other's package whole (the other's identical entities,
        // providers and contract references do not count against it), and writes only into itself.
        foreach (var (self, other) in new[] { (b, a), (a, b) })
        {
            var otherProviders = await CountAsync("providers", other.TenantId);
            var otherEngagements = await CountAsync("engagements", other.TenantId);
            using (var dry = await ImportAsync(self.Api, packages[other.TenantId], "dryRun=true"))
            {
                var text = await dry.Content.ReadAsStringAsync();
                Assert.True(dry.StatusCode == HttpStatusCode.OK, $"dry run answered {(int)dry.StatusCode}: {text}");
                var created = JsonDocument.Parse(text).RootElement.GetProperty("created");
                Assert.Equal(ownContracts[other.TenantId].Length, created.GetProperty("engagements").GetInt32());
            }

            var selfEngagements = await CountAsync("engagements", self.TenantId);
            using (var real = await ImportAsync(self.Api, packages[other.TenantId]))
            {
                Assert.True(real.StatusCode == HttpStatusCode.OK, $"import answered {(int)real.StatusCode}: {await real.Content.ReadAsStringAsync()}");
            }

            Assert.Equal(selfEngagements + ownContracts[other.TenantId].Length, await CountAsync("engagements", self.TenantId));
            Assert.Equal(otherProviders, await CountAsync("providers", other.TenantId));
            Assert.Equal(otherEngagements, await CountAsync("engagements", other.TenantId));
        }
    }
}
