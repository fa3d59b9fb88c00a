using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>CSV import (dry run, all or nothing, bad files) and export (same columns, formulas neutralised).</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementCsvTests(SystemFixture system)
{
    private const string ProviderHeader = "id,legalName,hqCountry,deliveryCountries,certifications,website,contactName,contactEmail,lei";

    private static HttpContent Csv(string text) => Csv(Encoding.UTF8.GetBytes(text));

    private static HttpContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task A_dry_run_reports_every_bad_row_and_writes_nothing_and_the_real_run_is_all_or_nothing()
    {
        using var t = await NewTenantAsync(system);
        var csv = string.Join("\n",
            ProviderHeader,
            ",Manila Contact BPO Inc,PH,PH;SG,ISO 27001|2027-06-30;SOC 2,https://mcb.example.com,Pat,pat@mcb.example.com,",
            ",\"Bangalore Code Works, Pvt Ltd\",IN,IN,,,,,",
            ",Nowhere Ltd,XX,PH,,,,not-an-email,",
            ",,PL,,,,,,",
            "");
        using (var dry = await t.Api.PostAsync("api/imports/providers?dryRun=true", Csv(csv)))
        {
            // A dry run that fails is 422 with the row errors, never 200.
            var report = await Problems.AssertProblemAsync(
                dry, HttpStatusCode.UnprocessableEntity, "line 4, column hqCountry", "line 4, column contactEmail", "line 5, column legalName");
            var errors = report.GetProperty("rowErrors").EnumerateArray()
                .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
            Assert.Equal([(4, "hqCountry"), (4, "contactEmail"), (5, "legalName")], errors);
            Assert.Equal("XX", report.GetProperty("rowErrors")[0].GetProperty("value").GetString());
            var job = await t.Api.GetFromJsonAsync<JsonElement>($"api/imports/{report.GetProperty("importId").GetGuid()}");
            Assert.Equal("failed", job.GetProperty("status").GetString());
        }

        Assert.Equal(0L, await CountAsync("providers", t.TenantId));
        using (var real = await t.Api.PostAsync("api/imports/providers", Csv(csv)))
        {
            await Problems.AssertProblemAsync(real, HttpStatusCode.BadRequest, "line 4, column hqCountry", "line 5, column legalName");
        }

        Assert.Equal(0L, await CountAsync("providers", t.TenantId));
        Assert.Empty(await OutboxAsync(t.TenantId));

        var good = string.Join("\n", csv.Split('\n').Take(3)) + "\n";
        using (var real = await t.Api.PostAsync("api/imports/providers", Csv(good)))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
            Assert.Equal(2, (await real.JsonAsync()).GetProperty("created").GetInt32());
        }

        var providers = await t.Api.GetFromJsonAsync<JsonElement>("api/providers");
        var manila = Items(providers).Single(p => p.GetProperty("legalName").GetString() == "Manila Contact BPO Inc");
        Assert.Equal(["PH", "SG"], manila.GetProperty("deliveryCountries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("2027-06-30", manila.GetProperty("certifications")[0].GetProperty("validUntil").GetString());
        Assert.Contains(Items(providers), p => p.GetProperty("legalName").GetString() == "Bangalore Code Works, Pvt Ltd");
        Assert.Equal(2, (await OutboxAsync(t.TenantId, "ProviderRegistered")).Count);
    }

    [Fact]
    public async Task Engagements_import_by_provider_name_keeps_quoted_line_breaks_counts_lines_right_and_round_trips_through_export()
    {
        using var t = await NewTenantAsync(system);
        await CreateIdAsync(t.Api, "api/providers", Provider("Manila Contact BPO Inc", "PH"));
        var header = "name,providerId,scope,businessProcess,deliveryCountry,headcount,criticality,status,contractStart,contractEnd,pricingModel,annualValue,currency,serviceCreditTerms";
        var csv = header + "\r\n"
            + "Helpdesk,manila contact bpo inc,whole-process,customer-service,PH,40,important,active,2026-01-01,2028-12-31,per-fte,900000,USD,\"5 % per missed SLA,\r\ncapped at 20 %\r\nper month\"\r\n"
            + "Back office,Manila Contact BPO Inc,task,data-entry,PH,-3,standard,planned,,,,,,\r\n"
            + "Payroll,Unknown Provider Ltd,task,hr-payroll,PH,5,standard,planned,,,,,,\r\n";
        using (var dry = await t.Api.PostAsync("api/imports/engagements?dryRun=true", Csv(csv)))
        {
            var report = await Problems.AssertProblemAsync(dry, HttpStatusCode.UnprocessableEntity, "line 5, column headcount");
            var errors = report.GetProperty("rowErrors").EnumerateArray()
                .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
            // The first record spans lines 2 to 4, so the bad ones start on lines 5 and 6.
            Assert.Equal([(5, "headcount"), (6, "providerId")], errors);
        }

        var fixedCsv = csv.Replace(",-3,", ",3,", StringComparison.Ordinal).Replace("Unknown Provider Ltd", "Manila Contact BPO Inc", StringComparison.Ordinal);
        var importId = Guid.NewGuid();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "api/imports/engagements") { Content = Csv(fixedCsv) })
        {
            request.Headers.Add("Import-Id", importId.ToString());
            using var real = await t.Api.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
            Assert.Equal(3, (await real.JsonAsync()).GetProperty("created").GetInt32());
        }

        var job = await t.Api.GetFromJsonAsync<JsonElement>($"api/imports/{importId}");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("totalRows").GetInt32());
        Assert.Equal(3, job.GetProperty("processedRows").GetInt32());

        var list = await t.Api.GetFromJsonAsync<JsonElement>("api/engagements?q=Helpdesk");
        var helpdesk = Items(list).Single();
        Assert.Equal("5 % per missed SLA,\r\ncapped at 20 %\r\nper month", helpdesk.GetProperty("contract").GetProperty("serviceCreditTerms").GetString());
        Assert.Equal("offshore-bpo-outsourcing", helpdesk.GetProperty("classification").GetProperty("kind").GetString());

        // Export, then import the export back: every row updates its engagement, nothing changes.
        var exported = await t.Api.GetByteArrayAsync("api/exports/engagements");
        using (var again = await t.Api.PostAsync("api/imports/engagements", Csv(exported)))
        {
            var body = await again.Content.ReadAsStringAsync();
            Assert.True(again.StatusCode == HttpStatusCode.OK, body);
            var result = JsonDocument.Parse(body).RootElement;
            Assert.Equal(0, result.GetProperty("created").GetInt32());
            Assert.Equal(3, result.GetProperty("updated").GetInt32());
        }

        Assert.Empty(await OutboxAsync(t.TenantId, "EngagementChanged"));
    }

    [Fact]
    public async Task A_wrong_header_bad_encoding_broken_quoting_and_an_empty_file_are_400_naming_the_problem()
    {
        using var t = await NewTenantAsync(system);
        using (var wrong = await t.Api.PostAsync("api/imports/providers", Csv("name,country\nAcme,US\n")))
        {
            var problem = await Problems.AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "header");
            Assert.Contains("legalName", problem.GetProperty("errors").GetProperty("header").ToString());
        }

        var latin1 = Encoding.Latin1.GetBytes(ProviderHeader + "\n,Société Générale Services,FR,FR,,,,,\n");
        using (var encoding = await t.Api.PostAsync("api/imports/providers", Csv(latin1)))
        {
            var problem = await Problems.AssertProblemAsync(encoding, HttpStatusCode.BadRequest, "body");
            Assert.Contains("UTF-8", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        }

        using (var broken = await t.Api.PostAsync("api/imports/providers", Csv(ProviderHeader + "\n,\"Unclosed quote Ltd,PH,,,,,,\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        }

        using (var empty = await t.Api.PostAsync("api/imports/providers", Csv("")))
        {
            await Problems.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "body");
        }

        // A byte order mark is fine.
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ProviderHeader + "\n,Société Générale Services,FR,FR,,,,,\n")).ToArray();
        using (var ok = await t.Api.PostAsync("api/imports/providers", Csv(bom)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var providers = await t.Api.GetFromJsonAsync<JsonElement>("api/providers");
        Assert.Equal("Société Générale Services", Items(providers).Single().GetProperty("legalName").GetString());
    }

    [Fact]
    public async Task A_file_over_50_MiB_is_413_and_writes_nothing()
    {
        using var t = await NewTenantAsync(system);
        var body = new byte[(50 * 1024 * 1024) + 1];
        Array.Fill(body, (byte)'a');
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/imports/providers") { Content = Csv(body) };
        request.Headers.ExpectContinue = true;
        using var response = await t.Api.SendAsync(request);
        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Equal(0L, await CountAsync("providers", t.TenantId));
    }

    [Fact]
    public async Task Cells_that_start_like_a_formula_are_neutralised_on_export()
    {
        using var t = await NewTenantAsync(system);
        await CreateIdAsync(t.Api, "api/providers", Provider("=HYPERLINK(\"http://evil.example\",\"click\")"));
        var second = Provider("+Plus Ltd");
        second["contactName"] = "@SUM(A1:A9)";
        await CreateIdAsync(t.Api, "api/providers", second);
        var third = Provider("-Minus Ltd");
        await CreateIdAsync(t.Api, "api/providers", third);

        var csv = await t.Api.GetStringAsync("api/exports/providers");
        Assert.StartsWith(ProviderHeader, csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'+Plus Ltd", csv);
        Assert.Contains("'-Minus Ltd", csv);
        Assert.Contains("'@SUM(A1:A9)", csv);
        foreach (var line in csv.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            Assert.DoesNotContain(cells, c => c.TrimStart('"').Length > 0 && "=+-@".Contains(c.TrimStart('"')[0], StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Exports_totals_and_imports_of_one_tenant_never_show_or_reach_another()
    {
        using var a = await NewTenantAsync(system, "Alpha Corp");
        using var b = await NewTenantAsync(system, "Beta Corp");
        var aProvider = await CreateIdAsync(a.Api, "api/providers", Provider("Alpha Only Provider"));
        await CreateIdAsync(a.Api, "api/engagements", Engagement(aProvider, name: "Alpha only engagement"));
        var bProvider = await CreateIdAsync(b.Api, "api/providers", Provider("Beta Provider"));
        await CreateIdAsync(b.Api, "api/engagements", Engagement(bProvider, name: "Beta engagement"));

        var providers = await b.Api.GetStringAsync("api/exports/providers");
        Assert.DoesNotContain("Alpha", providers);
        Assert.Contains("Beta Provider", providers);
        var engagements = await b.Api.GetStringAsync("api/exports/engagements");
        Assert.DoesNotContain("Alpha", engagements);
        Assert.Contains("Beta engagement", engagements);
        var totals = await b.Api.GetFromJsonAsync<JsonElement>("api/engagements/totals");
        Assert.Equal(1, totals.GetProperty("count").GetInt32());

        // A's provider by id or by name is unknown to B's import; A's import job is not B's to read.
        var header = "name,providerId,scope,businessProcess,deliveryCountry\n";
        using (var byId = await b.Api.PostAsync("api/imports/engagements", Csv(header + $"Sneaky,{aProvider},task,data-entry,PH\n")))
        {
            await Problems.AssertProblemAsync(byId, HttpStatusCode.BadRequest, "line 2, column providerId");
        }

        using (var byName = await b.Api.PostAsync("api/imports/engagements", Csv(header + "Sneaky,Alpha Only Provider,task,data-entry,PH\n")))
        {
            await Problems.AssertProblemAsync(byName, HttpStatusCode.BadRequest, "line 2, column providerId");
        }

        // An import row with A's engagement id is not found either, and A's engagement is unchanged.
        var aEngagements = await a.Api.GetFromJsonAsync<JsonElement>("api/engagements");
        var aId = Items(aEngagements).Single().GetProperty("id").GetGuid();
        using (var update = await b.Api.PostAsync("api/imports/engagements", Csv("id," + header + $"{aId},Hijacked,{bProvider},task,data-entry,PH\n")))
        {
            await Problems.AssertProblemAsync(update, HttpStatusCode.BadRequest, "line 2, column id");
        }

        Assert.Equal("Alpha only engagement", Items(await a.Api.GetFromJsonAsync<JsonElement>("api/engagements")).Single().GetProperty("name").GetString());

        var importId = Guid.NewGuid();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "api/imports/providers?dryRun=true") { Content = Csv(ProviderHeader + "\n,Alpha Two,US,,,,,,\n") })
        {
            request.Headers.Add("Import-Id", importId.ToString());
            using var response = await a.Api.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var foreign = await b.Api.GetAsync($"api/imports/{importId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var own = await a.Api.GetAsync($"api/imports/{importId}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        Assert.Equal(1L, await CountAsync("engagements", b.TenantId));
    }
}
