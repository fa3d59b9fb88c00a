using System.Text;
using Sourcing.Engagements.Import;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Tests;

public sealed class CsvTests
{
    private static readonly CsvColumns Columns = new(["id", "legalName", "hqCountry"], ["legalName", "hqCountry"], ["note"]);

    [Fact]
    public void A_quoted_line_break_stays_in_its_field_and_lines_are_counted_from_the_file()
    {
        var errors = new ValidationErrors();
        var rows = CsvFile.Read(Encoding.UTF8.GetBytes("legalName,hqCountry\r\n\"Two\r\nlines\",PH\r\nNext,IN\r\n"), Columns, errors);
        Assert.False(errors.Any);
        Assert.Equal([2, 4], rows!.Select(r => r.Line));
        Assert.Equal("Two\r\nlines", rows![0].Raw("legalName"));
    }

    [Theory]
    [InlineData("name,hqCountry\nAcme,US\n", "header")]
    [InlineData("legalName,hqCountry,legalName\nAcme,US,x\n", "header")]
    [InlineData("legalName,hqCountry\n", "body")]
    [InlineData("", "body")]
    public void Bad_headers_and_empty_files_are_named(string csv, string field)
    {
        var errors = new ValidationErrors();
        Assert.Null(CsvFile.Read(Encoding.UTF8.GetBytes(csv), Columns, errors));
        Assert.True(errors.ToDictionary().ContainsKey(field));
    }

    [Fact]
    public void Latin_1_is_refused_with_the_line_of_the_bad_byte()
    {
        var errors = new ValidationErrors();
        Assert.Null(CsvFile.Read(Encoding.Latin1.GetBytes("legalName,hqCountry\nSociété,FR\n"), Columns, errors));
        Assert.Contains("line 2", errors.ToDictionary()["body"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_columns_are_accepted_and_a_short_row_is_an_error_of_its_own()
    {
        var errors = new ValidationErrors();
        var rows = CsvFile.Read(Encoding.UTF8.GetBytes("legalName,hqCountry,note\nAcme,US,x\nShort\n"), Columns, errors);
        Assert.False(errors.Any);
        Assert.Empty(rows![0].Errors);
        Assert.Single(rows![1].Errors);
    }

    [Theory]
    [InlineData("contract.start", "contractStart")]
    [InlineData("contract.end", "contractEnd")]
    [InlineData("contract.annualValue", "annualValue")]
    [InlineData("deliveryCountries[3]", "deliveryCountries")]
    [InlineData("certifications[0].name", "certifications")]
    [InlineData("hqCountry", "hqCountry")]
    public void Api_field_names_map_to_csv_columns(string field, string column) => Assert.Equal(column, CsvSchemas.Column(field));

    [Fact]
    public void A_semicolon_separated_file_is_read_with_quoted_lists_and_decimal_commas()
    {
        var errors = new ValidationErrors();
        var rows = CsvFile.Read(Encoding.UTF8.GetBytes("legalName;hqCountry;id\r\n\"Acme, Inc\";\"PH;SG\";1234,5\r\n"), Columns, errors);
        Assert.False(errors.Any);
        Assert.Equal("Acme, Inc", rows![0].Raw("legalName"));
        Assert.Equal(["PH", "SG"], rows[0].List("hqCountry"));
        Assert.Equal(1234.5m, rows[0].Number("id"));
    }

    [Theory]
    [InlineData("legalName,hqCountry\n", ',')]
    [InlineData("legalName;hqCountry\n", ';')]
    [InlineData("\"a;b;c\",legalName\n", ',')]
    [InlineData("legalName;hqCountry;id\nx,y,z,w,v\n", ';')]
    public void The_delimiter_comes_from_the_header_line(string csv, char expected) =>
        Assert.Equal(expected, CsvFile.Delimiter(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public void A_cell_holding_U_0000_is_an_error_of_its_row()
    {
        var errors = new ValidationErrors();
        var rows = CsvFile.Read(Encoding.UTF8.GetBytes("legalName,hqCountry\nAc\0me,US\n"), Columns, errors);
        Assert.False(errors.Any);
        var error = Assert.Single(rows![0].Errors);
        Assert.Equal("legalName", error.Column);
        Assert.Contains("U+0000", error.Rule, StringComparison.Ordinal);
    }
}
