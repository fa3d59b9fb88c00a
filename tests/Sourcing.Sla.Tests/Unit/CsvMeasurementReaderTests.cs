using System.Text;
using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Tests.Unit;

public sealed class CsvMeasurementReaderTests
{
    [Theory]
    [InlineData("a,b,c", "a|b|c", null)]
    [InlineData("\"a,1\",b,\"say \"\"hi\"\"\"", "a,1|b|say \"hi\"", null)]
    [InlineData("a,,c", "a||c", null)]
    [InlineData("\"a,b", null, "a quoted field is not closed.")]
    [InlineData("\"a\"x,b", null, "text follows a closing quote at column 4.")]
    public void Split_reads_quoted_fields_and_names_malformed_ones(string line, string? fields, string? error)
    {
        var result = CsvMeasurementReader.Split(line, out var problem);
        Assert.Equal(error, problem);
        if (fields is not null)
        {
            Assert.Equal(fields.Split('|'), result);
        }
    }

    [Fact]
    public async Task Rows_carry_their_line_numbers_and_columns_may_come_in_any_order()
    {
        var csv = "Value,period,SLAID\n99.5,2026-06-01,abc\n\n\"98\",2026-06-02,def\nonly-one-field\n";
        var rows = new List<RawMeasurement>();
        await foreach (var row in CsvMeasurementReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), default))
        {
            rows.Add(row);
        }

        Assert.Equal([2L, 4L, 5L], rows.Select(r => r.Position));
        // A plain line is parsed as it is read (what does not parse stays text for the validator to name)...
        Assert.Equal(("abc", new DateOnly(2026, 6, 1), 99.5m), (rows[0].SlaId, rows[0].Date, rows[0].ValueNumber));
        // ...a quoted one goes through the general reader.
        Assert.Equal(("def", "2026-06-02", "98"), (rows[1].SlaId, rows[1].Period, rows[1].ValueText));
        Assert.NotNull(rows[2].Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("slaId,period\nx,2026-01-01\n")]
    [InlineData("a,b,c\n")]
    public async Task A_missing_header_stops_the_upload(string csv)
    {
        var ex = await Assert.ThrowsAsync<MalformedUploadException>(async () =>
        {
            await foreach (var _ in CsvMeasurementReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), default))
            {
            }
        });
        Assert.Equal("line 1", ex.Field);
    }
}
