using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class IsoCodesTests
{
    [Theory]
    [InlineData("US", true)]
    [InlineData("PH", true)]
    [InlineData("IN", true)]
    [InlineData("XK", true)] // Kosovo: user-assigned, but in the tz database's country map
    [InlineData("XX", false)]
    [InlineData("us", false)]
    [InlineData("USA", false)]
    [InlineData("", false)]
    public void Countries_are_ISO_3166_alpha_2(string code, bool valid) => Assert.Equal(valid, IsoCodes.IsCountry(code));

    [Theory]
    [InlineData("USD", true)]
    [InlineData("EUR", true)]
    [InlineData("PHP", true)]
    [InlineData("INR", true)]
    [InlineData("ABC", false)]
    [InlineData("usd", false)]
    public void Currencies_are_ISO_4217(string code, bool valid) => Assert.Equal(valid, IsoCodes.IsCurrency(code));

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("Asia/Kolkata", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("UTC", true)]
    [InlineData("W. Europe Standard Time", false)] // a Windows id, not IANA
    [InlineData("Mars/Olympus_Mons", false)]
    public void Time_zones_are_IANA_ids(string id, bool valid) => Assert.Equal(valid, IsoCodes.IsTimeZone(id));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("Ada Lovelace <ada@example.com>", false)]
    [InlineData("ada@localhost", false)]
    [InlineData("not-an-email", false)]
    public void E_mail_addresses_are_plain_addresses_with_a_domain(string value, bool valid) => Assert.Equal(valid, IsoCodes.IsEmail(value));

    [Fact]
    public void A_countrys_languages_are_those_of_the_cultures_listed_for_it()
    {
        Assert.Contains("hi", IsoCodes.LanguagesOf("IN"));
        Assert.Contains("ta", IsoCodes.LanguagesOf("IN"));
        Assert.Contains("de", IsoCodes.LanguagesOf("DE"));
        Assert.Contains("fil", IsoCodes.LanguagesOf("PH"));
        Assert.DoesNotContain("de", IsoCodes.LanguagesOf("PH"));
        Assert.Empty(IsoCodes.LanguagesOf("XX"));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("hi", true)]
    [InlineData("fil", true)]
    [InlineData("xx", false)]
    [InlineData("EN", false)]
    public void Languages_are_the_codes_the_runtime_knows(string code, bool valid) => Assert.Equal(valid, IsoCodes.IsLanguage(code));

    [Fact]
    public void A_countrys_currency_comes_from_the_runtime()
    {
        Assert.Equal("PHP", IsoCodes.CurrencyOf("PH"));
        Assert.Equal("EUR", IsoCodes.CurrencyOf("IE"));
    }
}
