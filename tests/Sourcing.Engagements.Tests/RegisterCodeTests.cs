using Sourcing.Engagements.Http;
using Sourcing.Engagements.Registers;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Tests;

public sealed class RegisterCodeTests
{
    [Theory]
    [InlineData("529900T8BM49AURSDO55")] // the EBA's sample filer
    [InlineData("7LTWFZYICNSX8D621K86")] // Deutsche Bank AG
    [InlineData("HWUPKR0MPOU8FGXBT394")] // Apple Inc.
    [InlineData("506700GE1G29325QX363")] // GLEIF
    [InlineData("hwupkr0mpou8fgxbt394")] // lower case is read as upper case
    public void Lei_with_valid_ISO_7064_check_digits_is_accepted(string lei)
    {
        var errors = new ValidationErrors();
        Assert.Equal(lei.ToUpperInvariant(), errors.Lei("lei", lei));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("7LTWFZYICNSX8D621K87")] // last check digit off by one
    [InlineData("7LTWFZYICNSX8D621K68")] // check digits swapped
    [InlineData("HWUPKR0MPOU8FGXBT39")] // 19 characters
    [InlineData("HWUPKR0MPOU8FGXBT3944")] // 21 characters
    [InlineData("HWUPKR0MPOU8FGXBT3A4")] // a letter among the check digits
    [InlineData("HWUPKR0MPOU8FGXBT-94")] // not alphanumeric
    public void Lei_with_wrong_check_digits_or_form_is_refused_naming_the_field(string lei)
    {
        var errors = new ValidationErrors();
        Assert.Null(errors.Lei("parentLei", lei));
        Assert.Contains("parentLei", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Engagement_facts_with_values_outside_the_code_lists_are_refused_field_by_field()
    {
        var request = new EngagementRegisterFactsRequest(
            null, "eba_CO:x9", null, null, null, "eba_TA:S20", "x4", null, "EU", "eba_ZZ:x791", null, null, null, null, null, null, null, null, null,
            [new RegisterFunctionRequest("F1", "Payments", "eba_TA:28", "yes", null, null, 4, 1, "high")], null);
        var errors = new ValidationErrors();
        Assert.False(request.ValidateInto(new EngagementRegisterFacts(), errors));
        Assert.Equal(
            ["arrangementType", "functions[0].critical", "functions[0].impact", "functions[0].licensedActivity", "governingLawCountry", "ictServiceType", "reliance", "terminationReason"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_template_has_its_column_codes_in_order_and_keys_among_them()
    {
        Assert.Equal(15, DoraTemplates.All.Count);
        Assert.Equal(["c0010", "c0020", "c0031"], DoraTemplates.B0303.Columns);
        Assert.Equal(18, DoraTemplates.B0202.Columns.Count);
        Assert.Equal("c0180", DoraTemplates.B0202.Columns[^1]);
        foreach (var t in DoraTemplates.All)
        {
            Assert.All(t.Key.Concat(t.ContractColumns), c => Assert.Contains(c, t.Columns));
            Assert.Equal(t.Columns.Order(StringComparer.Ordinal), t.Columns);
        }
    }
}
