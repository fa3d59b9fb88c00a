using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

public sealed class CompositeScoreTests
{
    [Theory]
    [InlineData(50.0, 20.0, 80.0, 50.0)]        // 0.4 x 50 + 0.3 x 20 + 0.3 x 80 = 50
    [InlineData(null, 20.0, 80.0, 50.0)]        // (0.3 x 20 + 0.3 x 80) / 0.6 = 50
    [InlineData(100.0, null, 0.0, 57.14)]       // 40 / 0.7 = 57.142857
    [InlineData(null, null, 30.0, 30.0)]
    public void Weighted_mean_over_the_scores_that_exist(double? quality, double? dependency, double? geopolitical, double expected)
    {
        Assert.Equal(expected, CompositeScore.Compute(quality, dependency, geopolitical, 0.4, 0.3, 0.3));
    }

    [Fact]
    public void No_composite_without_any_score()
    {
        Assert.Null(CompositeScore.Compute(null, null, null, 0.4, 0.3, 0.3));
    }

    [Theory]
    [InlineData(0, "low")]
    [InlineData(24.99, "low")]
    [InlineData(25, "medium")]
    [InlineData(49.99, "medium")]
    [InlineData(50, "high")]
    [InlineData(74.99, "high")]
    [InlineData(75, "critical")]
    [InlineData(100, "critical")]
    public void Band_edges(double score, string band)
    {
        Assert.Equal(band, CompositeScore.Band(score, 25, 50, 75));
    }

    [Fact]
    public void Bands_follow_the_tenants_thresholds()
    {
        Assert.Equal("high", CompositeScore.Band(30, 10, 20, 40));
    }
}
