using Sourcing.ServiceDefaults.Errors;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.ServiceDefaults.Tests;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void Required_names_a_missing_or_too_long_field_and_passes_a_present_one()
    {
        var errors = new ValidationErrors();
        Assert.False(errors.Required("name", "  "));
        Assert.False(errors.Required("code", "toolong", maxLength: 3));
        Assert.True(errors.Required("city", "Manila"));

        var all = errors.ToDictionary();
        Assert.Equal(["is required."], all["name"]);
        Assert.Equal(["must be at most 3 characters."], all["code"]);
        Assert.False(all.ContainsKey("city"));
    }

    [Fact]
    public void Code_checks_say_which_value_broke_which_rule()
    {
        var errors = new ValidationErrors();
        errors.Country("hqCountry", "ZZ");
        errors.Currency("currency", "XYZ");
        errors.TimeZone("timeZone", "Nowhere/Land");
        var all = errors.ToDictionary();
        Assert.Contains("'ZZ' is not an ISO 3166-1 alpha-2 country code.", all["hqCountry"]);
        Assert.Contains("'XYZ' is not an ISO 4217 currency code.", all["currency"]);
        Assert.Contains("'Nowhere/Land' is not an IANA time-zone id.", all["timeZone"]);
    }

    [Theory]
    [InlineData(null, "body")]
    [InlineData("$", "body")]
    [InlineData("$.riskWeights.quality", "riskWeights.quality")]
    [InlineData("$.rows[3].value", "rows[3].value")]
    public void A_json_path_becomes_the_field_name_clients_send(string? path, string field) =>
        Assert.Equal(field, ProblemExceptionHandler.JsonPathToField(path));
}
