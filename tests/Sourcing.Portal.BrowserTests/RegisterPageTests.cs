using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The registers page: readiness on a reference date, a blocked DORA export and the fix, the downloads, viewers, bad input and isolation.</summary>
[Collection(PortalCollection.Name)]
public sealed class RegisterPageTests(PortalFixture portal)
{
    /// <summary>LEIs with valid ISO 17442 check digits (the system tests' fixture bank).</summary>
    private const string BankLei = "ACMEBANK000000000094";
    private const string ParentLei = "ACMEPARENT0000000055";
    private const string ReferenceDate = "2026-06-30";

    private static async Task PutOkAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PutAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static Dictionary<string, object?> Entity(string name, string hierarchy) => new()
    {
        ["name"] = name,
        ["entityType"] = "eba_CT:x12",
        ["hierarchy"] = hierarchy,
        ["parentLei"] = ParentLei,
        ["country"] = "DE",
        ["currency"] = "EUR",
        ["totalAssets"] = 12_500_000_000m,
        ["integratedOn"] = "2025-01-17",
        ["deletedOn"] = null,
    };

    [Fact]
    public async Task An_admin_sees_what_blocks_the_DORA_package_fixes_it_and_downloads_both_registers_while_a_viewer_only_reads()
    {
        var tenant = await portal.SignUpAsync("Register Keepers Bank AG");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila card services");
        var providerId = (await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, engagementId)).GetProperty("providerId").GetGuid();
        using var api = SourcingClient.Api(portal.Engagements, tenant.AccessToken);
        await PutOkAsync(api, $"api/registers/entities/{ParentLei}", Entity("Keepers Holding AG", "eba_RP:x53"));
        await PutOkAsync(api, $"api/registers/entities/{BankLei}", Entity("Register Keepers Bank AG", "eba_RP:x56"));
        await PutOkAsync(api, "api/registers/settings", new { reportingEntityLei = BankLei, competentAuthority = "DE_BAFIN", consolidation = "CON" });
        // An ICT arrangement with a provider that has no identifier: the DORA package's B_05.01 key is empty.
        await PutOkAsync(api, $"api/registers/engagements/{engagementId}", new { contractReference = "C-CARD-1", ictServiceType = "eba_TA:S13" });

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"registers?referenceDate={ReferenceDate}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page).ToHaveTitleAsync("Registers · Sourcing");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "On 30 Jun 2026" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-register='dora']")).ToContainTextAsync("Blocked");
        await Assertions.Expect(page.GetByTestId("blocking")).ToContainTextAsync("B_05.01");
        // A missing field names the record and links to its page in the portal.
        await Assertions.Expect(page.GetByTestId("findings").Locator($"a[href='/engagements/{engagementId}']").First).ToBeVisibleAsync();

        // The blocked export comes back to the page with the reason, and no file.
        await page.GetByRole(AriaRole.Link, new() { Name = "DORA register of information (xBRL-CSV package, ZIP)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The DORA package was not exported" })).ToBeVisibleAsync();

        // Identified, the provider no longer blocks it: the package downloads and is an xBRL-CSV report package.
        await PutOkAsync(api, $"api/registers/providers/{providerId}", new { otherCode = "PH123456789", otherCodeType = "eba_qCO:qx2004" });
        await page.GotoAsync(new Uri(portal.Portal, $"registers?referenceDate={ReferenceDate}").ToString());
        await Assertions.Expect(page.Locator("[data-register='dora']")).Not.ToContainTextAsync("Blocked");
        var dora = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "DORA register of information (xBRL-CSV package, ZIP)" }).ClickAsync());
        Assert.EndsWith(".zip", dora.SuggestedFilename, StringComparison.Ordinal);
        var zipPath = await dora.PathAsync();
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("META-INF/reportPackage.json", StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("reports/b_05.01.csv", StringComparison.Ordinal));
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Outsourcing register (CSV)" }).ClickAsync());
        Assert.Equal($"outsourcing-register-{ReferenceDate}.csv", csv.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.StartsWith("referenceNumber", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("C-CARD-1", text, StringComparison.Ordinal);

        // A viewer reads readiness but is offered no export.
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await portal.Client.InviteAndJoinAsync(tenant.AccessToken, viewerEmail, "Val Viewer", "viewer", PortalFixture.StrongPassword);
        await using var viewerContext = await portal.NewContextAsync(width: 360, height: 800);
        var viewerPage = await viewerContext.NewPageAsync();
        await viewerPage.GotoAsync(new Uri(portal.Portal, $"registers?referenceDate={ReferenceDate}").ToString());
        await portal.LogInAsync(viewerPage, viewerEmail, PortalFixture.StrongPassword);
        await Assertions.Expect(viewerPage.GetByTestId("register-summary")).ToContainTextAsync("Outsourcing register");
        await Assertions.Expect(viewerPage.GetByRole(AriaRole.Link, new() { Name = "Outsourcing register (CSV)" })).ToHaveCountAsync(0);
        await Assertions.Expect(viewerPage.GetByText("Administrators and vendor managers can export the registers.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reference_date_that_is_not_a_date_shows_the_APIs_message_at_the_field_and_another_company_sees_none_of_the_records()
    {
        var a = await portal.SignUpAsync("Register Alpha AG");
        await PortalApi.CreateEngagementAsync(portal.Engagements, a.AccessToken, "Alpha's secret contract");
        var b = await portal.SignUpAsync("Register Beta AG");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, "registers?referenceDate=30-06-2026").ToString());
        await portal.LogInAsync(page, b.AdminEmail, b.AdminPassword);
        await Assertions.Expect(page.Locator("#referenceDate-error")).ToContainTextAsync("Reference date");
        await Assertions.Expect(page.Locator("#referenceDate-error")).ToContainTextAsync("ISO 8601");
        await Assertions.Expect(page.GetByLabel("Reference date", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GotoAsync(new Uri(portal.Portal, $"registers?referenceDate={ReferenceDate}").ToString());
        await Assertions.Expect(page.GetByTestId("register-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-register='outsourcing'] td").First).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByText("Alpha's secret contract")).ToHaveCountAsync(0);
    }
}
