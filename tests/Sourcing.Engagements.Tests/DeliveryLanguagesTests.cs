using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Tests;

/// <summary>Whatever the API returns it accepts back: the languages it fills in by default fit its own limit.</summary>
public sealed class DeliveryLanguagesTests
{
    [Fact]
    public void Every_country_s_default_languages_fit_the_limit_of_a_request()
    {
        var countries = IsoCodes.AllCountries.ToList();
        Assert.NotEmpty(countries);
        var largest = countries.Select(c => (Country: c, Count: CountryLanguages.Of(c).Count)).MaxBy(c => c.Count);
        Assert.True(
            largest.Count <= EngagementRequest.MaxDeliveryLanguages,
            $"{largest.Country} has {largest.Count} default languages; a request may name {EngagementRequest.MaxDeliveryLanguages}.");
    }

    [Fact]
    public void India_s_default_languages_are_more_than_the_old_limit_of_20() =>
        Assert.True(CountryLanguages.Of("IN").Count > 20);
}
