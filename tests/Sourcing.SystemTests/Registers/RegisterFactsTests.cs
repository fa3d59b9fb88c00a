using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>Register facts: written by tenant admins, read by members, validated field by field, isolated between tenants.</summary>
[Collection(SystemCollection.Name)]
public sealed class RegisterFactsTests(SystemFixture system)
{
    [Fact]
    public async Task An_admin_records_entities_provider_and_engagement_facts_and_reads_them_back()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await SetUpGroupAsync(t.Api);
        var providerId = await CreateIdAsync(t.Api, "api/providers", ProviderWith("Host X Cloud GmbH", "DE", HostLei));
        var engagementId = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId, name: "Core banking hosting", country: "DE"));

        await PutOkAsync(t.Api, $"api/registers/providers/{providerId}", new { personType = "eba_CT:x212", ultimateParentCode = HostLei, ultimateParentCodeType = "eba_qCO:qx2000", intraGroup = false });
        await PutOkAsync(t.Api, $"api/registers/engagements/{engagementId}", new
        {
            contractReference = "C-2026-001",
            ictServiceType = "eba_TA:S17",
            governingLawCountry = "DE",
            reliance = "eba_ZZ:x797",
            substitutability = "eba_ZZ:x960",
            exitPlan = true,
            reintegration = "eba_ZZ:x966",
            discontinuingImpact = "eba_ZZ:x793",
            lastAudit = "2026-06-30",
            functions = new[] { new { identifier = "F-PAY", name = "Payments", licensedActivity = "eba_TA:x28", critical = "eba_BT:x28", criticalityReasons = "Payments stop", rtoHours = 4, rpoHours = 1, impact = "eba_ZZ:x793" } },
        });

        var entities = await t.Api.GetFromJsonAsync<JsonElement>("api/registers/entities");
        Assert.Equal([BankLei, ParentLei], entities.EnumerateArray().Select(e => e.GetProperty("lei").GetString()));
        var facts = await t.Api.GetFromJsonAsync<JsonElement>($"api/registers/engagements/{engagementId}");
        Assert.Equal("C-2026-001", facts.GetProperty("contractReference").GetString());
        Assert.Equal("F-PAY", facts.GetProperty("functions")[0].GetProperty("identifier").GetString());
        Assert.Equal(4, facts.GetProperty("functions")[0].GetProperty("rtoHours").GetInt32());
        var providerFacts = await t.Api.GetFromJsonAsync<JsonElement>($"api/registers/providers/{providerId}");
        Assert.Equal(HostLei, providerFacts.GetProperty("lei").GetString());
        Assert.Equal(HostLei, providerFacts.GetProperty("ultimateParentCode").GetString());

        // Defaults before anything is set: the engagement's id is its contract reference.
        var other = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId, name: "Second", country: "DE"));
        var defaults = await t.Api.GetFromJsonAsync<JsonElement>($"api/registers/engagements/{other}");
        Assert.Equal(other.ToString(), defaults.GetProperty("contractReference").GetString());
    }

    [Fact]
    public async Task Bad_register_input_is_a_400_naming_each_field_and_writes_nothing()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");

        // A wrong check digit, a country and a currency outside ISO 3166-1 and ISO 4217, a code outside the eba_CT list.
        var bad = Entity("Acme Bank AG", "eba_RP:x56", "ACMEPARENT0000000056", country: "XX", currency: "EUX");
        bad["entityType"] = "eba_CT:x999";
        using (var response = await t.Api.PutAsJsonAsync($"api/registers/entities/{BankLei}", bad))
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            foreach (var field in new[] { "parentLei", "country", "currency", "entityType" })
            {
                Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
            }
        }

        using (var response = await t.Api.PutAsJsonAsync("api/registers/entities/ACMEBANK000000000095", Entity("Acme Bank AG", "eba_RP:x53", null)))
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("ISO 17442", problem.GetProperty("errors").GetProperty("lei")[0].GetString(), StringComparison.Ordinal);
        }

        // Dates are ISO 8601: 30/06/2026 is refused.
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider("Contact BPO", "PH"));
        var engagementId = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId));
        using (var response = await t.Api.PutAsync(
            $"api/registers/engagements/{engagementId}",
            new StringContent("""{"lastAudit":"30/06/2026"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            await ProblemAsync(response, HttpStatusCode.BadRequest);
        }

        using (var response = await t.Api.PutAsJsonAsync($"api/registers/engagements/{engagementId}", new
        {
            ictServiceType = "S17",
            governingLawCountry = "DEU",
            functions = new[] { new { identifier = "F1", name = "Payments", licensedActivity = "payments" } },
            chain = new[] { new { providerId = Guid.NewGuid(), rank = 2 } },
        }))
        {
            var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            foreach (var field in new[] { "ictServiceType", "governingLawCountry", "functions[0].licensedActivity", "chain[0].providerId" })
            {
                Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
            }
        }

        // Above the documented maximum (10^15): refused, where the column's overflow was a 500 (found by MalformedRequestSweepTests).
        var rich = Entity("Acme Bank AG", "eba_RP:x53", null);
        rich["totalAssets"] = 9_223_372_036_854_775_808m;
        using (var response = await t.Api.PutAsJsonAsync($"api/registers/entities/{BankLei}", rich))
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("totalAssets", out _), problem.ToString());
        }

        Assert.Equal(0, await CountAsync("register_entities", t.TenantId));
        Assert.Equal(0, await CountAsync("register_engagement_facts", t.TenantId));
    }

    [Fact]
    public async Task Only_admins_write_facts_and_every_member_reads_them()
    {
        using var t = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await SetUpGroupAsync(t.Api);
        foreach (var role in new[] { "vendor-manager", "viewer" })
        {
            using var api = AsRole(system, t.TenantId, role);
            using (var refused = await api.PutAsJsonAsync($"api/registers/entities/{HostLei}", Entity("X", "eba_RP:x56", BankLei)))
            {
                await ProblemAsync(refused, HttpStatusCode.Forbidden);
            }

            using var read = await api.GetAsync("api/registers/entities");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Equal(2, await CountAsync("register_entities", t.TenantId));
    }

    [Fact]
    public async Task Tenants_see_and_touch_only_their_own_register_facts_both_ways()
    {
        using var a = await NewTenantAsync(system, "Alpha Bank", "DE", "EUR", "Europe/Berlin");
        using var b = await NewTenantAsync(system, "Beta Bank", "FR", "EUR", "Europe/Paris");
        await SetUpGroupAsync(a.Api);
        await PutOkAsync(b.Api, $"api/registers/entities/{HostLei}", Entity("Beta Bank SA", "eba_RP:x53", HostLei, "FR"));
        var pa = await CreateIdAsync(a.Api, "api/providers", Provider("Alpha Vendor", "DE"));
        var ea = await CreateIdAsync(a.Api, "api/engagements", Engagement(pa, country: "DE"));
        var pb = await CreateIdAsync(b.Api, "api/providers", Provider("Beta Vendor", "FR"));
        var eb = await CreateIdAsync(b.Api, "api/engagements", Engagement(pb, country: "FR"));

        foreach (var (self, other, ownProvider, foreignProvider, ownEngagement, foreignEngagement, ownLei) in new[]
                 {
                     (a, b, pa, pb, ea, eb, BankLei),
                     (b, a, pb, pa, eb, ea, HostLei),
                 })
        {
            var leis = (await self.Api.GetFromJsonAsync<JsonElement>("api/registers/entities")).EnumerateArray().Select(e => e.GetProperty("lei").GetString()).ToList();
            Assert.Contains(ownLei, leis);
            Assert.DoesNotContain(leis, l => other == a ? l == BankLei : l == HostLei);
            foreach (var url in new[] { $"api/registers/providers/{foreignProvider}", $"api/registers/engagements/{foreignEngagement}" })
            {
                using var read = await self.Api.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            }

            using (var write = await self.Api.PutAsJsonAsync($"api/registers/engagements/{foreignEngagement}", new { contractReference = "stolen" }))
            {
                Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
            }

            using (var own = await self.Api.PutAsJsonAsync($"api/registers/engagements/{ownEngagement}", new { contractReference = "mine" }))
            {
                Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            }

            using var ownProviderRead = await self.Api.GetAsync($"api/registers/providers/{ownProvider}");
            Assert.Equal(HttpStatusCode.OK, ownProviderRead.StatusCode);
        }

        // The database half: with the tenant set, each sees only its rows.
        Assert.Equal(2, await CountAsync("register_entities", a.TenantId));
        Assert.Equal(1, await CountAsync("register_entities", b.TenantId));
        Assert.Equal(1, await CountAsync("register_engagement_facts", a.TenantId));
    }
}
