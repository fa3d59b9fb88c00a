using System.Text;
using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>SLAs on the engagement page: defining one, uploading measurements (progress, result, the row-by-row report), with and without JavaScript.</summary>
[Collection(PortalCollection.Name)]
public sealed class SlaUploadTests(PortalFixture portal)
{
    private static readonly TimeSpan RiskWait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_admin_defines_an_SLA_uploads_a_breaching_value_sees_the_result_and_the_breach_reaches_the_alerts()
    {
        var tenant = await portal.SignUpAsync("Service Levels Ltd");
        // Critical, so that a missed SLA raises an alert (DOMAIN.md's alert rules).
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila claims desk", criticality: "critical");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manila claims desk", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No SLA defined yet.")).ToBeVisibleAsync();
        // No upload before there is an SLA to measure.
        await Assertions.Expect(page.GetByLabel("CSV file")).ToHaveCountAsync(0);

        // The SLA service learns of the engagement by event; until then its form answers "not found", so retry like a person would.
        await DefineSlaThroughTheFormAsync(page, "First-call resolution", "%", "80");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "SLA \"First-call resolution\" defined." })).ToBeVisibleAsync();
        var row = page.Locator("tr[data-sla]").Filter(new() { HasText = "First-call resolution" });
        await Assertions.Expect(row).ToContainTextAsync("at least 80 %");
        await Assertions.Expect(row).ToContainTextAsync("Monthly");
        var slaId = Guid.Parse((await row.GetAttributeAsync("data-sla"))!);

        // The template names the SLA.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download a template with this engagement's SLAs" }).ClickAsync());
        var template = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("slaId,metric,period,value\n", template, StringComparison.Ordinal);
        Assert.Contains($"{slaId},\"First-call resolution\",", template, StringComparison.Ordinal);

        // Two months: October met, November missed (60 % against at least 80 %).
        var csv = $"slaId,period,value\n{slaId},2026-10-15,91.5\n{slaId},2026-11-15,60\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "measurements.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[data-upload-done=ok]")).ToHaveCountAsync(1);
        // The progress bar came up and ran to the end; the result is the API's.
        await Assertions.Expect(page.Locator("progress#upload-progress")).ToBeVisibleAsync();
        Assert.Equal(100, await page.Locator("progress#upload-progress").EvaluateAsync<int>("p => p.value"));
        await Assertions.Expect(page.GetByTestId("upload-result")).ToHaveTextAsync("2 rows read: 2 recorded, 0 replaced, 0 unchanged; 1 breach.");
        Assert.Equal(2, await PortalApi.MeasurementCountAsync(portal.Sla, tenant.AccessToken, slaId));

        // The breach is on the page, and the risk service's alert about it arrives.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("breaches")).ToContainTextAsync("First-call resolution: 60 %");
        var alerts = page.Locator("section[aria-labelledby=alerts-heading]");
        var deadline = DateTime.UtcNow + RiskWait;
        while (await alerts.GetByText("SLA 'First-call resolution' missed its target").CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no SLA breach alert on the engagement page within {RiskWait.TotalSeconds} s");
            await Task.Delay(2000);
            await page.ReloadAsync();
        }

        await Assertions.Expect(alerts).ToContainTextAsync("SLA breach");
        await Assertions.Expect(page.Locator("section[aria-label='Quality score']")).ToContainTextAsync("Quality:");
        await PortalFixture.ScreenshotAsync(page, "engagement-slas");
    }

    [Fact]
    public async Task A_CSV_with_a_bad_row_shows_each_refused_row_with_the_APIs_message_and_records_nothing()
    {
        var tenant = await portal.SignUpAsync("Careful Uploaders Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Cebu payroll");
        var slaId = await PortalApi.DefineSlaAsync(portal.Sla, tenant.AccessToken, engagementId, "Payroll accuracy", 99.5m);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        // Line 2 is good, line 3 has no number, line 4 a date in the future: nothing at all is recorded.
        var csv = $"slaId,period,value\n{slaId},2026-10-15,99.9\n{slaId},2026-11-15,lots\n{slaId},2099-01-15,99\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[data-upload-done=refused]")).ToHaveCountAsync(1);
        var result = page.GetByTestId("upload-result");
        await Assertions.Expect(result.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was recorded.");
        var report = result.Locator("table.row-errors tbody tr");
        await Assertions.Expect(report).ToHaveCountAsync(2);
        await Assertions.Expect(report.Nth(0)).ToContainTextAsync("line 3, column value");
        await Assertions.Expect(report.Nth(0)).ToContainTextAsync("lots");
        await Assertions.Expect(report.Nth(1)).ToContainTextAsync("line 4, column period");
        await Assertions.Expect(report.Nth(1)).ToContainTextAsync("in the future");
        Assert.Equal(0, await PortalApi.MeasurementCountAsync(portal.Sla, tenant.AccessToken, slaId));

        // Without JavaScript the same form posts to the page, which shows the same report; still nothing recorded.
        await using var plain = await portal.Browser.NewContextAsync(
            new BrowserNewContextOptions { JavaScriptEnabled = false, StorageState = await context.StorageStateAsync() });
        var plainPage = await plain.NewPageAsync();
        await plainPage.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await plainPage.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await plainPage.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        var plainReport = plainPage.GetByTestId("upload-result").Locator("table.row-errors tbody tr");
        await Assertions.Expect(plainReport).ToHaveCountAsync(2);
        await Assertions.Expect(plainReport.Nth(0)).ToContainTextAsync("line 3, column value");
        Assert.Equal(0, await PortalApi.MeasurementCountAsync(portal.Sla, tenant.AccessToken, slaId));

        // And a good file through the plain form is recorded.
        var good = $"slaId,period,value\n{slaId},2026-10-15,99.9\n";
        await plainPage.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await plainPage.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(plainPage.GetByTestId("upload-result")).ToHaveTextAsync("1 row read: 1 recorded, 0 replaced, 0 unchanged; 0 breaches.");
        Assert.Equal(1, await PortalApi.MeasurementCountAsync(portal.Sla, tenant.AccessToken, slaId));
    }

    [Fact]
    public async Task A_bad_SLA_definition_shows_the_APIs_message_at_the_field_and_defines_nothing()
    {
        var tenant = await portal.SignUpAsync("Strict Targets Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Davao transcription");
        await PortalApi.DefineSlaAsync(portal.Sla, tenant.AccessToken, engagementId, "Turnaround", 95m);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await page.GetByLabel("Metric").FillAsync("Accuracy");
        await page.GetByLabel("Unit").FillAsync("%");
        await page.GetByLabel("Target").FillAsync("99");
        await page.GetByLabel("Weight (default 1)").FillAsync("5000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define SLA" }).ClickAsync();
        await Assertions.Expect(page.Locator("#weight-error")).ToContainTextAsync("at most 1000");
        await Assertions.Expect(page.GetByLabel("Weight (default 1)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Metric")).ToHaveValueAsync("Accuracy");
        await Assertions.Expect(page.Locator("tr[data-sla]")).ToHaveCountAsync(1);
    }

    internal static async Task DefineSlaThroughTheFormAsync(IPage page, string metric, string unit, string target)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await page.GetByLabel("Metric").FillAsync(metric);
            await page.GetByLabel("Unit").FillAsync(unit);
            await page.GetByLabel("Met when the value is").SelectOptionAsync("at-least");
            await page.GetByLabel("Target").FillAsync(target);
            await page.GetByLabel("Measured").SelectOptionAsync("monthly");
            await page.GetByRole(AriaRole.Button, new() { Name = "Define SLA" }).ClickAsync();
            if (await page.Locator("tr[data-sla]").CountAsync() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the SLA service did not learn of the engagement within 60 s");
            await Task.Delay(1000);
        }
    }
}
