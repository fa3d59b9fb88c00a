using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sourcing.Portal.BrowserTests;

/// <summary>The provider and captive-centre pages show each of their engagements' scores and band, as the risk service computed them.</summary>
[Collection(PortalCollection.Name)]
public sealed class SourceScoresTests(PortalFixture portal)
{
    [Fact]
    public async Task The_provider_and_captive_centre_pages_show_their_engagements_scores_with_the_band()
    {
        var tenant = await portal.SignUpAsync("Scored Sources Ltd");
        var engagementId = await PortalApi.CreateEngagementAsync(portal.Engagements, tenant.AccessToken, "Manila contact centre");
        var providerId = (await PortalApi.EngagementAsync(portal.Engagements, tenant.AccessToken, engagementId)).GetProperty("providerId").GetGuid();
        var centreId = await PortalApi.CreateCaptiveCentreAsync(portal.Engagements, tenant.AccessToken, "Scored Sources Polska Sp. z o.o.");
        var centreEngagementId = await PortalApi.CreateCentreEngagementAsync(portal.Engagements, tenant.AccessToken, centreId, "Krakow finance centre");

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Portal, $"providers/{providerId}").ToString());
        await portal.LogInAsync(page, tenant.AdminEmail, tenant.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Composite" })).ToBeVisibleAsync();

        var provider = await ShowsTheRiskServicesScoresAsync(page, tenant.AccessToken, $"providers/{providerId}", $"api/risk/providers/{providerId}/scores", engagementId);
        // A third party abroad with a contract value: dependency and geopolitical; no SLA measured, so no quality score.
        Assert.Equal("not scored", provider.Quality);
        Assert.NotEqual("not scored", provider.Dependency);
        Assert.NotEqual("not scored", provider.Geopolitical);
        await PortalFixture.ScreenshotAsync(page, "provider-scores");

        var centre = await ShowsTheRiskServicesScoresAsync(page, tenant.AccessToken, $"captive-centres/{centreId}", $"api/risk/captive-centres/{centreId}/scores", centreEngagementId);
        // DOMAIN.md: a captive centre's engagement has no dependency score of its own, and nothing measured has no quality score.
        Assert.Equal("not scored", centre.Dependency);
        Assert.Equal("not scored", centre.Quality);
        Assert.NotEqual("not scored", centre.Geopolitical);
    }

    /// <summary>
    /// Reloads the page until the engagement's row shows what the risk API answers for it (the risk service scores a new
    /// engagement within a minute, and the second engagement may move the first's dependency); returns the row's figures.
    /// </summary>
    private async Task<RowScores> ShowsTheRiskServicesScoresAsync(IPage page, string accessToken, string pagePath, string apiPath, Guid engagementId)
    {
        var wait = TimeSpan.FromSeconds(120);
        var deadline = DateTime.UtcNow + wait;
        RowScores? shown = null;
        RowScores? expected = null;
        while (DateTime.UtcNow < deadline)
        {
            await page.GotoAsync(new Uri(portal.Portal, pagePath).ToString());
            var row = page.Locator($"tr[data-engagement='{engagementId}']");
            shown = new RowScores(
                await Cell(row, "quality"), await Cell(row, "dependency"), await Cell(row, "geopolitical"),
                (await row.Locator("td[data-score=composite]").InnerTextAsync()).Trim(), (await row.Locator(".band").InnerTextAsync()).Trim());
            var scores = await PortalApi.GetAsync(portal.Risk, accessToken, apiPath);
            var mine = scores.EnumerateArray().Where(s => s.GetProperty("engagementId").GetGuid() == engagementId).ToList();
            if (mine.Count == 1)
            {
                var s = mine[0];
                var band = s.GetProperty("band").GetString() ?? "not scored";
                expected = new RowScores(Score(s, "quality"), Score(s, "dependency"), Score(s, "geopolitical"), $"{Score(s, "composite")} {band}", band);
                if (shown == expected)
                {
                    return shown;
                }
            }

            await Task.Delay(2000);
        }

        Assert.Fail($"{pagePath} did not show the risk service's scores within {wait.TotalSeconds} s: shown {shown}, the API {expected}");
        return null!;
    }

    private static async Task<string> Cell(ILocator row, string score) => (await row.Locator($"td[data-score={score}]").InnerTextAsync()).Trim();

    private static string Score(JsonElement scores, string name) =>
        scores.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal().ToString("0.#", CultureInfo.InvariantCulture) : "not scored";

    private sealed record RowScores(string Quality, string Dependency, string Geopolitical, string Composite, string Band);
}
