using Sourcing.Contracts;

namespace Sourcing.Sla.Tests.Unit;

/// <summary>The SLA words of Contracts: every service parses them, and an unknown word is an error, never a default.</summary>
public sealed class SlaVocabularyTests
{
    [Theory]
    [InlineData("daily")]
    [InlineData("weekly")]
    [InlineData("monthly")]
    public void A_known_period_kind_parses_to_itself(string kind) => Assert.Equal(kind, SlaPeriodKinds.Parse(kind));

    [Theory]
    [InlineData("hourly")]
    [InlineData("Daily")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_period_kind_is_an_error_not_daily(string? kind)
    {
        var error = Assert.Throws<FormatException>(() => SlaPeriodKinds.Parse(kind));
        Assert.Contains("daily, weekly, monthly", error.Message);
    }

    [Fact]
    public void Directions_and_statuses_parse_only_their_words()
    {
        Assert.Equal("at-most", SlaDirections.Parse("at-most"));
        Assert.Throws<FormatException>(() => SlaDirections.Parse("at_least"));
        Assert.Equal("retired", SlaStatuses.Parse("retired"));
        Assert.Throws<FormatException>(() => SlaStatuses.Parse("deleted"));
    }
}
