using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Contracts;
using Sourcing.Testing;
using static Sourcing.SystemTests.Risk.RiskApi;

namespace Sourcing.SystemTests.Risk;

/// <summary>
/// The decision figures of issue 19 (parts 3 and 4): currency exposure and working-hours overlap, computed from the read
/// model and the shipped ECB rates; each tenant's own; bad input named; no token refused.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DecisionsTests(SystemFixture system)
{
    private sealed record Seeded(SignedUpTenant Tenant, HttpClient Api, Guid UsdEngagement, Guid EurEngagement, Guid PlnEngagement, Guid NoCostEngagement);

    /// <summary>
    /// A New York tenant reporting in USD: a provider's 100,000 USD contract in Manila, 50,000 EUR in Berlin, a Polish
    /// captive centre costing 400,000 PLN a year (its one engagement in Warsaw) and an engagement with no contract value.
    /// </summary>
    private async Task<Seeded> SeedAsync(string company)
    {
        var tenant = await system.NewTenantAsync(company);
        var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        var providerId = Guid.NewGuid();
        var centreId = Guid.NewGuid();
        var (usd, eur, pln, none) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = tenant.TenantId, Provider = RiskEvents.Provider(providerId) });
        await RiskEvents.PublishAsync(new CaptiveCentreRegistered
        {
            TenantId = tenant.TenantId,
            CaptiveCentre = RiskEvents.Centre(centreId, SourceKinds.CaptiveCentre, 400_000m, "PL") with { Currency = "PLN" },
        });
        await RiskEvents.PublishAsync(new EngagementCreated { TenantId = tenant.TenantId, Engagement = RiskEvents.Engagement(usd, providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = RiskEvents.Engagement(eur, providerId, "DE", "Europe/Berlin", "offshore", annualValue: 50_000m, currency: "EUR"),
        });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = RiskEvents.CentreEngagement(pln, centreId, SourceKinds.CaptiveCentre) with { DeliveryCountry = "PL", DeliveryTimeZone = "Europe/Warsaw" },
        });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = tenant.TenantId,
            Engagement = RiskEvents.Engagement(none, providerId, "IN", "Asia/Kolkata", annualValue: null),
        });
        await Eventually.WaitAsync(
            async () => await GetAsync(api, "api/risk/working-hours") is { } w && w.GetProperty("sites").GetArrayLength() == 4,
            Wait,
            $"{company}'s four delivery sites in the risk service");
        return new Seeded(tenant, api, usd, eur, pln, none);
    }

    private static Task<double> EcbRateAsync(string currency, string date) =>
        SystemFixture.ScalarAsync<double>(
            "sourcing_risk", "SELECT rate::float8 FROM exchange_rates WHERE currency = @c AND date = @d::date", ("c", currency), ("d", date));

    [Fact]
    public async Task The_currency_exposure_converts_each_currency_at_the_ECB_rate_of_the_date_and_moves_the_foreign_cost()
    {
        var a = await SeedAsync("Exposure Alpha");
        var x = await a.Api.GetFromJsonAsync<JsonElement>("api/risk/currency-exposure?date=2025-03-05&move=10");

        // The shipped ECB rates of 5 March 2025 (units per euro): EUR in USD = usd; PLN in USD = usd / pln.
        var usdPerEur = await EcbRateAsync("USD", "2025-03-05");
        var plnPerEur = await EcbRateAsync("PLN", "2025-03-05");
        var eurCost = Math.Round(50_000 * usdPerEur, 2);
        var plnCost = Math.Round(400_000 * usdPerEur / plnPerEur, 2);
        var total = 100_000 + eurCost + plnCost;

        Assert.Equal("USD", x.GetProperty("reportingCurrency").GetString());
        var lines = x.GetProperty("currencies").EnumerateArray().ToDictionary(c => c.GetProperty("currency").GetString()!);
        Assert.Equal(["EUR", "PLN", "USD"], lines.Keys.Order());
        Assert.Equal(100_000m, lines["USD"].GetProperty("cost").GetDecimal());
        Assert.Equal((decimal)eurCost, lines["EUR"].GetProperty("cost").GetDecimal());
        Assert.Equal("2025-03-05", lines["EUR"].GetProperty("rateDate").GetString());
        Assert.Equal(400_000m, lines["PLN"].GetProperty("amount").GetDecimal());
        Assert.Equal((double)plnCost, (double)lines["PLN"].GetProperty("cost").GetDecimal(), 2);
        Assert.Equal(total, (double)x.GetProperty("totalCost").GetDecimal(), 1);
        Assert.Equal(Math.Round(100 * 100_000 / total, 2), (double)lines["USD"].GetProperty("sharePercent").GetDecimal(), 2);
        // A 10 % move of the foreign currencies moves the annual cost by 10 % of their cost, both ways.
        var foreign = eurCost + plnCost;
        Assert.Equal(Math.Round(foreign * 0.1, 2), (double)x.GetProperty("totalChangeUp").GetDecimal(), 1);
        Assert.Equal(-Math.Round(foreign * 0.1, 2), (double)x.GetProperty("totalChangeDown").GetDecimal(), 1);
        Assert.Equal(Math.Round(eurCost * 0.1, 2), (double)lines["EUR"].GetProperty("changeUp").GetDecimal(), 1);
        Assert.Equal(0m, lines["USD"].GetProperty("changeUp").GetDecimal());
        // EUR/USD over the year to 5 March 2025: a real, positive volatility; volatile means 10 % or more.
        Assert.True(lines["EUR"].GetProperty("volatilityPercent").GetDecimal() is > 0 and < 30);
        Assert.Equal(10m, x.GetProperty("volatileFromPercent").GetDecimal());
        var volatileCost = lines.Values.Where(l => l.GetProperty("volatile").GetBoolean()).Sum(l => l.GetProperty("cost").GetDecimal());
        Assert.Equal(volatileCost, x.GetProperty("volatileCost").GetDecimal());
        // The engagement without a contract value is left out, with the reason.
        var left = Assert.Single(x.GetProperty("leftOut").EnumerateArray());
        Assert.Equal(a.NoCostEngagement, left.GetProperty("engagementId").GetGuid());
        Assert.Contains("no cost recorded", left.GetProperty("reason").GetString());

        // Another move: 25 %.
        var y = await a.Api.GetFromJsonAsync<JsonElement>("api/risk/currency-exposure?date=2025-03-05&move=25");
        Assert.Equal(Math.Round(foreign * 0.25, 2), (double)y.GetProperty("totalChangeUp").GetDecimal(), 1);
    }

    [Fact]
    public async Task The_working_hours_shared_with_HQ_follow_daylight_saving_on_the_date()
    {
        var a = await SeedAsync("Overlap Alpha");
        var manager = await system.Client.InviteAndJoinAsync(a.Tenant.AccessToken, SystemFixture.UniqueEmail("vera"), "Vera Manager", "vendor-manager", SystemFixture.StrongPassword);
        using var managerApi = Client(manager.AccessToken);
        // Her digest subscription (made when she joined) holds her own time zone: London.
        await Eventually.WaitAsync(
            async () => (await managerApi.GetAsync("api/risk/digests/subscription")).StatusCode == HttpStatusCode.OK, Wait, "Vera's digest subscription");
        using (var put = await managerApi.PutAsJsonAsync("api/risk/digests/subscription", new
        {
            frequency = "weekly",
            dayOfWeek = 1,
            dayOfMonth = 1,
            localTime = "08:00",
            timeZone = "Europe/London",
            minBand = "medium",
            scope = "mine",
            paused = false,
            sendEmpty = false,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // New York against Berlin: 6 hours apart in January (2 h shared), 5 in the weeks between the US and EU changes (3 h).
        var january = await a.Api.GetFromJsonAsync<JsonElement>("api/risk/working-hours?date=2025-01-15");
        var march = await a.Api.GetFromJsonAsync<JsonElement>("api/risk/working-hours?date=2025-03-17");
        Assert.Equal("America/New_York", march.GetProperty("hqTimeZone").GetString());
        Assert.Equal("UTC-05:00", january.GetProperty("hqUtcOffset").GetString());
        Assert.Equal("UTC-04:00", march.GetProperty("hqUtcOffset").GetString());
        Assert.Equal(2m, Site(january, "Europe/Berlin").GetProperty("sharedHoursWithHq").GetDecimal());
        var berlin = Site(march, "Europe/Berlin");
        Assert.Equal(3m, berlin.GetProperty("sharedHoursWithHq").GetDecimal());
        var shared = Assert.Single(berlin.GetProperty("sharedWithHq").EnumerateArray());
        Assert.Equal("2025-03-17T09:00:00-04:00", shared.GetProperty("start").GetString());
        Assert.Equal("2025-03-17T12:00:00-04:00", shared.GetProperty("end").GetString());
        Assert.Equal(a.EurEngagement, Assert.Single(berlin.GetProperty("engagements").EnumerateArray()).GetProperty("engagementId").GetGuid());
        // Kolkata (UTC+5:30) and Manila (UTC+8) share nothing with New York's day; Warsaw shares what Berlin does.
        Assert.Equal(0m, Site(march, "Asia/Kolkata").GetProperty("sharedHoursWithHq").GetDecimal());
        Assert.Equal(0m, Site(march, "Asia/Manila").GetProperty("sharedHoursWithHq").GetDecimal());
        Assert.Equal(3m, Site(march, "Europe/Warsaw").GetProperty("sharedHoursWithHq").GetDecimal());
        // Vera works in London (UTC+0 on 17 March): 7 h with Berlin (09:00-16:00 UTC), 2.5 h with Kolkata.
        var vera = Manager(berlin, "Vera Manager");
        Assert.Equal("Europe/London", vera.GetProperty("timeZone").GetString());
        Assert.Equal("digest subscription", vera.GetProperty("timeZoneSource").GetString());
        Assert.Equal(7m, vera.GetProperty("sharedHours").GetDecimal());
        Assert.Equal(2.5m, Manager(Site(march, "Asia/Kolkata"), "Vera Manager").GetProperty("sharedHours").GetDecimal());
    }

    private static JsonElement Site(JsonElement answer, string zone) =>
        answer.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("timeZone").GetString() == zone);

    private static JsonElement Manager(JsonElement site, string name) =>
        site.GetProperty("vendorManagers").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Each_tenant_sees_only_its_own_exposure_and_sites()
    {
        var a = await SeedAsync("Decisions Alpha");
        var b = await system.NewTenantAsync("Decisions Beta");
        using var bApi = Client(b.AccessToken);
        await WaitForTenantAsync(bApi);
        var providerId = Guid.NewGuid();
        var own = Guid.NewGuid();
        await RiskEvents.PublishAsync(new ProviderRegistered { TenantId = b.TenantId, Provider = RiskEvents.Provider(providerId) });
        await RiskEvents.PublishAsync(new EngagementCreated
        {
            TenantId = b.TenantId,
            Engagement = RiskEvents.Engagement(own, providerId, "JP", "Asia/Tokyo", annualValue: 70_000m, currency: "USD"),
        });
        await Eventually.WaitAsync(
            async () => await GetAsync(bApi, "api/risk/currency-exposure?date=2025-03-05") is { } x && x.GetProperty("totalCost").GetDecimal() > 0,
            Wait,
            "B's exposure");
        var bExposure = await bApi.GetFromJsonAsync<JsonElement>("api/risk/currency-exposure?date=2025-03-05");
        var bHours = await bApi.GetFromJsonAsync<JsonElement>("api/risk/working-hours?date=2025-03-17");

        Assert.Equal(70_000m, bExposure.GetProperty("totalCost").GetDecimal());
        Assert.Equal(["USD"], bExposure.GetProperty("currencies").EnumerateArray().Select(c => c.GetProperty("currency").GetString()));
        Assert.Empty(bExposure.GetProperty("leftOut").EnumerateArray());
        Assert.Equal(["Asia/Tokyo"], bHours.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("timeZone").GetString()));
        var aIds = new[] { a.UsdEngagement, a.EurEngagement, a.PlnEngagement, a.NoCostEngagement }.Select(id => id.ToString()).ToList();
        var bText = bExposure.GetRawText() + bHours.GetRawText();
        Assert.DoesNotContain(aIds, bText.Contains);

        // And the other way: A's answers hold none of B's.
        var aText = (await a.Api.GetStringAsync("api/risk/currency-exposure?date=2025-03-05")) + await a.Api.GetStringAsync("api/risk/working-hours?date=2025-03-17");
        Assert.DoesNotContain(own.ToString(), aText, StringComparison.Ordinal);
        Assert.DoesNotContain("Asia/Tokyo", aText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/risk/currency-exposure?date=2025-13-01", "date")]
    [InlineData("api/risk/currency-exposure?date=yesterday", "date")]
    [InlineData("api/risk/currency-exposure?move=101", "move")]
    [InlineData("api/risk/currency-exposure?move=-1", "move")]
    [InlineData("api/risk/currency-exposure?move=ten", "move")]
    [InlineData("api/risk/currency-exposure?date=2025-02-30&move=500", "date", "move")]
    [InlineData("api/risk/working-hours?date=2025-3-1", "date")]
    [InlineData("api/risk/working-hours?date=0999-01-01", "date")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string url, params string[] fields)
    {
        var tenant = await system.NewTenantAsync("Decisions Bad Input");
        using var api = Client(tenant.AccessToken);
        await WaitForTenantAsync(api);
        using var response = await api.GetAsync(url);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, fields);
    }

    [Theory]
    [InlineData("api/risk/currency-exposure")]
    [InlineData("api/risk/working-hours?date=2025-03-17")]
    public async Task Without_a_token_the_answer_is_401(string url)
    {
        using var anonymous = SourcingClient.Api(new Uri($"http://127.0.0.1:{SystemFixture.Port("Risk")}/"), null);
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_both()
    {
        var tenant = await system.NewTenantAsync("Decisions Viewer");
        var viewer = await system.Client.InviteAndJoinAsync(tenant.AccessToken, SystemFixture.UniqueEmail("viv"), "Viv Viewer", "viewer", SystemFixture.StrongPassword);
        using var api = Client(viewer.AccessToken);
        await WaitForTenantAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/risk/currency-exposure?move=5")).StatusCode);
        var hours = await api.GetFromJsonAsync<JsonElement>("api/risk/working-hours?date=2025-11-02");
        // New York's 2 November 2025 lasts 25 hours (clocks back at 02:00).
        Assert.Equal(25m, hours.GetProperty("hqDay").GetProperty("hours").GetDecimal());
        Assert.Equal(8m, hours.GetProperty("hqWorkingDay").GetProperty("hours").GetDecimal());
    }
}
