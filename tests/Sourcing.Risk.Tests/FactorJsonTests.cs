using System.Text.Json;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Tests;

public sealed class FactorJsonTests
{
    [Fact]
    public void A_factors_points_are_written_to_four_decimals_and_read_back()
    {
        var json = JsonSerializer.Serialize(new Factor("country", 41.141999999999996, "0.6 x country 68.57"), JsonSerializerOptions.Web);
        Assert.Contains("\"points\":41.142,", json, StringComparison.Ordinal);
        Assert.Equal(41.142, JsonSerializer.Deserialize<Factor>(json, JsonSerializerOptions.Web)!.Points);
    }
}
