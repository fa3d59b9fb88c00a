using System.Text;
using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The engagement page's SLA attainment chart: each SLA's measured periods against the target, with the figures as a table.</summary>
[Collection(PortalCollection.Name)]
public sealed class SlaAttainmentTests(PortalFixture portal)
{
    [Fact]
    public async Task The_engagement_page_charts_each_SLAs_attainment_and_its_table_holds_the_uploaded_measurements()
    {
        var tenant = await portal.SignUpAsync("Attainment Charts Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Cebu claims processing");
        var resolution = await PortalApi.DefineSlaAsync(portal.Sla, tenant.AccessToken, engagementId, "First-call resolution", 80m);
        var handling = await PortalApi.DefineSlaAsync(portal.Sla, tenant.AccessToken, engagementId, "Handling time", 300m, direction: "at-most");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"engagements/{engagementId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);

        // Before any measurement: a figure per SLA saying so, no chart.
        var first = page.Locator($"figure[data-testid=sla-attainment][data-sla='{resolution}']");
        await Assertions.Expect(first.Locator("figcaption")).ToContainTextAsync("no period measured");
        await Assertions.Expect(first.Locator("svg")).ToHaveCountAsync(0);

        // Three months of first-call resolution (at least 80 %: met, met, missed) and one of handling time (at most 300: met).
        var csv = $"slaId,period,value\n{resolution},2026-09-15,95\n{resolution},2026-10-15,91.5\n{resolution},2026-11-15,60\n{handling},2026-11-15,240\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "measurements.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("form[data-upload-done=ok]")).ToHaveCountAsync(1);
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SLA attainment", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sla-attainment")).ToHaveCountAsync(2);
        await Assertions.Expect(first.Locator("svg")).ToHaveCountAsync(1);
        await Assertions.Expect(first.Locator("figcaption")).ToContainTextAsync(
            "First-call resolution, monthly, target at least 80 %: 2 of 3 periods met");
        await Assertions.Expect(first.Locator("figcaption")).ToContainTextAsync("66.67 % attainment");

        await first.GetByText("The figures, period by period").ClickAsync();
        var rows = first.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        // Newest first, as measured, each against its target, with the SLA service's verdict.
        string[][] expected =
        [
            ["November 2026", "60 %", "at least 80 %", "missed"],
            ["October 2026", "91.5 %", "at least 80 %", "met"],
            ["September 2026", "95 %", "at least 80 %", "met"],
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            var cells = await rows.Nth(i).Locator("th, td").AllInnerTextsAsync();
            Assert.Equal(expected[i], cells.Select(c => c.Trim()));
        }

        var second = page.Locator($"figure[data-testid=sla-attainment][data-sla='{handling}']");
        await Assertions.Expect(second.Locator("figcaption")).ToContainTextAsync("Handling time, monthly, target at most 300 %: 1 of 1 period met");
        await second.GetByText("The figures, period by period").ClickAsync();
        await Assertions.Expect(second.Locator("tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(["November 2026", "240 %", "at most 300 %", "met"], (await second.Locator("tbody tr th, tbody tr td").AllInnerTextsAsync()).Select(c => c.Trim()));

        // The engagement's total: 3 of 4 periods met.
        await Assertions.Expect(page.GetByTestId("sla-attainment-total")).ToContainTextAsync("3 of 4 periods met (75 %)");
        await PortalFixture.ScreenshotAsync(page, "sla-attainment");
    }
}
