using System.Globalization;
using MiniExcelLibs;

namespace Sourcing.Engagements.Import;

/// <summary>
/// Writes an export as one XLSX sheet with the same header as the CSV, so that a sheet saved as CSV
/// imports back. Columns that hold numbers are written as numbers, everything else as text.
/// </summary>
public static class SpreadsheetFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly HashSet<string> NumberColumns = new(StringComparer.Ordinal)
    {
        "headcount", "noticePeriodDays", "annualValue", "qualityScore", "dependencyScore", "geopoliticalScore", "compositeScore",
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            var i = 0;
            foreach (var cell in row)
            {
                var column = header[i++];
                record[column] = NumberColumns.Contains(column)
                    && decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : cell;
            }

            return record;
        });
        using var buffer = new MemoryStream();
        buffer.SaveAs(records, printHeader: true, sheetName: "Export", excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }
}
