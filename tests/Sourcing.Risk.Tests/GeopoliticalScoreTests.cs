using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

public sealed class GeopoliticalScoreTests
{
    private static GeopoliticalInput Input(
        string country = "PH", double? stability = 40, string exposure = "USD", double? volatility = null,
        double deliveryOffset = -5, string[]? languages = null, bool high = false, CountryOverrideValues? overrides = null) =>
        new(country, "US", stability, exposure, "USD", volatility, "test", deliveryOffset, -5, languages ?? ["en"], "en", high, 56.31, overrides);

    [Fact]
    public void Country_is_100_minus_stability_abroad_and_0_at_home()
    {
        // Abroad: 0.6 x (100 - 40) = 36; currency 0 (USD = reporting); communication 0 -> 36.
        Assert.Equal(36, GeopoliticalScore.Compute(Input()).Value);
        Assert.Equal(0, GeopoliticalScore.Compute(Input(country: "US")).Value);
    }

    [Fact]
    public void Currency_is_volatility_over_a_quarter_capped_at_100()
    {
        // s = 0.05 -> 100 x 0.05 / 0.25 = 20 -> 0.2 x 20 = 4; plus country 36 = 40.
        Assert.Equal(40, GeopoliticalScore.Compute(Input(exposure: "PHP", volatility: 0.05)).Value);
        // s = 0.5 -> capped at 100 -> 20; 36 + 20 = 56.
        Assert.Equal(56, GeopoliticalScore.Compute(Input(exposure: "PHP", volatility: 0.5)).Value);
    }

    [Fact]
    public void Communication_is_time_and_language()
    {
        // 13 h apart the shorter way = 11 h? No: offsets +8 and -5 are 13 h apart, 11 h the other way round.
        // time = 100 x 11 / 12 = 91.6667; language: site speaks tl only -> 100.
        // communication = 0.6 x 91.6667 + 0.4 x 100 = 95; x 0.2 = 19; + country 36 = 55.
        Assert.Equal(55, GeopoliticalScore.Compute(Input(deliveryOffset: 8, languages: ["tl"])).Value);
        Assert.Equal(11, GeopoliticalScore.HoursApart(8, -5));
        Assert.Equal(5.5, GeopoliticalScore.HoursApart(5.5, 0));
        Assert.Equal(12, GeopoliticalScore.HoursApart(12, -12 + 12));
    }

    [Fact]
    public void High_sensitivity_abroad_in_the_bottom_quartile_adds_ten()
    {
        Assert.Equal(46, GeopoliticalScore.Compute(Input(high: true)).Value);             // 40 <= 56.31
        Assert.Equal(0.6 * (100 - 56.31) + 10, GeopoliticalScore.Compute(Input(stability: 56.31, high: true)).Value!.Value, 2);
        Assert.Equal(0.6 * (100 - 56.32), GeopoliticalScore.Compute(Input(stability: 56.32, high: true)).Value!.Value, 2);
        Assert.Equal(0, GeopoliticalScore.Compute(Input(country: "US", high: true)).Value); // not abroad
    }

    [Fact]
    public void Missing_data_counts_fifty_with_a_finding()
    {
        // country 50 -> 30; currency 50 -> 10: 40.
        var result = GeopoliticalScore.Compute(Input(stability: null, exposure: "XYZ"));
        Assert.Equal(40, result.Value);
        Assert.Equal(2, result.Findings.Count(f => f.Code == FindingCodes.NoReferenceData));
    }

    [Fact]
    public void An_override_replaces_any_value()
    {
        // stability 90 -> country 10 -> 6; currency 50 -> 10; communication 25 -> 5: 21.
        var result = GeopoliticalScore.Compute(Input(stability: null, overrides: new CountryOverrideValues(90, 50, 25)));
        Assert.Equal(21, result.Value);
        Assert.Contains("tenant override", result.Factors[0].Detail);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Bottom_quartile_is_the_floor_n_over_4_th_lowest()
    {
        // n = 9: floor(9/4) = 2nd lowest.
        Assert.Equal(20, GeopoliticalScore.BottomQuartile([50, 10, 20, 90, 80, 70, 60, 40, 30]));
    }

    [Fact]
    public void Bottom_quartile_of_the_shipped_wgi_file_is_56_31()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ReferenceData", "wgi-political-stability-2025.csv");
        var scores = File.ReadAllLines(path).Skip(1)
            .Select(l => l.Split(',')[^3])
            .Where(s => s.Length > 0)
            .Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(56.31, GeopoliticalScore.BottomQuartile(scores));
    }

    [Fact]
    public void Volatility_is_the_annualised_sample_deviation_of_log_returns_of_the_cross_rate()
    {
        // PHP per USD: 50, 55, 50 -> returns ln(1.1), ln(50/55); mean 0; sample sd = |ln 1.1| x sqrt(2)... computed below.
        var rates = new CurrencyRates(
            [new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 6)],
            new Dictionary<string, double?[]> { ["USD"] = [1.0, 1.0, 1.0, 2.0], ["PHP"] = [50.0, 55.0, 50.0, null] });
        var r1 = Math.Log(55.0 / 50);
        var r2 = Math.Log(50.0 / 55);
        var mean = (r1 + r2) / 2;
        var sd = Math.Sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1);
        var result = rates.Volatility("PHP", "USD", new DateOnly(2025, 1, 10))!.Value;
        Assert.Equal(sd * Math.Sqrt(252), result.Volatility, 10);
        Assert.Equal(new DateOnly(2025, 1, 6), result.End); // the latest row; PHP has no rate there, so it is skipped
        Assert.Equal(2, result.Returns);
        Assert.Null(rates.Volatility("PHP", "XYZ", new DateOnly(2025, 1, 10)));
    }
}
