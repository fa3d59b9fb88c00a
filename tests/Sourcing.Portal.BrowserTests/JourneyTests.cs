using System.Text;
using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>Issue 17's journey, all through the browser: from signing a company up to logging out.</summary>
[Collection(PortalCollection.Name)]
public sealed class JourneyTests(PortalFixture portal)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_new_company_signs_up_adds_a_provider_and_an_offshore_BPO_engagement_uploads_a_breach_and_acknowledges_the_alert()
    {
        var email = $"founder-{Guid.NewGuid():N}@journey.example.com";
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        // Sign up from the login page the portal sends a stranger to; the first sign-in lands in the portal.
        await page.GotoAsync(portal.Portal.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign up your company" }).ClickAsync();
        await page.GetByLabel("Company name").FillAsync("Journey Logistics Inc");
        await page.GetByLabel("Head-office country").SelectOptionAsync("US");
        await page.GetByLabel("Reporting currency").SelectOptionAsync("USD");
        await page.GetByLabel("Time zone").FillAsync("America/New_York");
        await page.GetByLabel("Your name").FillAsync("Jo Founder");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(PortalFixture.StrongPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your company is signed up" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await portal.LogInAsync(page, email, PortalFixture.StrongPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // A provider, through its form (the new company's workspace may take a moment to reach the engagements service).
        await page.GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New provider" }).ClickAsync();
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            await page.GetByLabel("Legal name").FillAsync("Manila Contact Partners Inc");
            await page.GetByLabel("Headquarters country").SelectOptionAsync("PH");
            await page.GetByLabel("Delivers from").FillAsync("PH");
            await page.GetByLabel("Contact name").FillAsync("Lia Santos");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
            if (await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Provider added." }).CountAsync() > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the provider form kept refusing for two minutes");
            await Task.Delay(2000);
        }

        // An offshore BPO engagement, its classification shown before and after saving. Critical, so a missed SLA raises an alert.
        await page.GetByRole(AriaRole.Link, new() { Name = "Engagements", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New engagement" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Manila customer care");
        await page.GetByLabel("Who does the work").SelectOptionAsync(new SelectOptionValue { Label = "Manila Contact Partners Inc (Philippines)" });
        await page.GetByLabel("Scope").SelectOptionAsync("whole-process");
        await page.GetByLabel("Business process").SelectOptionAsync("customer-service");
        await page.GetByLabel("Delivery country").SelectOptionAsync("PH");
        await page.GetByLabel("Contract starts").FillAsync("2026-01-01");
        await page.GetByLabel("Contract ends (blank: open-ended)").FillAsync("2028-12-31");
        await Assertions.Expect(page.GetByTestId("classification-preview").Locator(".preview-label")).ToHaveTextAsync("offshore BPO outsourcing");
        await page.GetByLabel("Delivery site (city, building)").FillAsync("Manila, Ortigas Center");
        await page.GetByLabel("Headcount", new() { Exact = true }).FillAsync("80");
        await page.GetByLabel("Criticality", new() { Exact = true }).SelectOptionAsync("critical");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("active");
        await page.GetByLabel("Notice period, days").FillAsync("90");
        await page.GetByLabel("Pricing").SelectOptionAsync("per-fte");
        await page.GetByLabel("Annual value").FillAsync("750000");
        await page.GetByLabel("Currency (ISO 4217, such as USD)").FillAsync("USD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create engagement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manila customer care", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("classification")).ToHaveTextAsync("offshore BPO outsourcing");

        // An SLA and a month of measurements that misses it, uploaded as CSV.
        await SlaUploadTests.DefineSlaThroughTheFormAsync(page, "Answer rate", "%", "90");
        var slaId = Guid.Parse((await page.Locator("tr[data-sla]").First.GetAttributeAsync("data-sla"))!);
        var csv = $"slaId,period,value\n{slaId},2026-10-15,95\n{slaId},2026-11-15,71.5\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "answer-rate.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("upload-result")).ToHaveTextAsync("2 rows read: 2 recorded, 0 replaced, 0 unchanged; 1 breach.");

        // The quality score and the breach alert follow from the risk service.
        var alerts = page.Locator("section[aria-labelledby=alerts-heading]");
        deadline = DateTime.UtcNow + Wait;
        while (await alerts.GetByText("SLA 'Answer rate' missed its target").CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no SLA breach alert within {Wait.TotalSeconds} s");
            await Task.Delay(2000);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator("section[aria-label='Quality score']")).ToContainTextAsync("Quality:");
        await Assertions.Expect(page.GetByTestId("breaches")).ToContainTextAsync("Answer rate: 71.5 %");
        await PortalFixture.ScreenshotAsync(page, "journey-engagement");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=riskiest-heading]").GetByRole(AriaRole.Link, new() { Name = "Manila customer care" })).ToBeVisibleAsync();
        await PortalFixture.ScreenshotAsync(page, "journey-dashboard");

        // Acknowledged with a comment on the alerts page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        var card = page.Locator("[data-alert]").Filter(new() { HasText = "SLA 'Answer rate' missed its target" });
        await card.GetByLabel("Comment").FillAsync("Agreed a recovery plan with Lia Santos.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Acknowledged" })).ToBeVisibleAsync();

        // And out, at the identity service too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync(portal.Portal.ToString());
        Assert.StartsWith(new Uri(portal.Identity, "account/login").ToString(), page.Url, StringComparison.Ordinal);
    }
}
