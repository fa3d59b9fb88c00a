using System.IO.Compression;
using System.Text;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// Writes the register as an xBRL-CSV report package (a ZIP whose root folder is named like the
/// package: META-INF/reportPackage.json, reports/report.json, parameters.csv, FilingIndicators.csv
/// and one CSV per template, copied from the table the register wrote), entry by entry to the output
/// stream (the export gives it a temporary file, see DoraExportApi).
/// </summary>
public static class DoraPackage
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream output, DoraRegister register, string name, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8, cancellationToken);
        await Entry(zip, $"{name}/META-INF/reportPackage.json", """
            {
              "documentInfo": {
                "documentType": "https://xbrl.org/report-package/2023"
              }
            }

            """, cancellationToken);
        await Entry(zip, $"{name}/reports/report.json", $$"""
            {
              "documentInfo": {
                "documentType": "https://xbrl.org/2021/xbrl-csv",
                "extends": [
                  "{{DoraTemplates.ModuleUrl}}"
                ]
              }
            }

            """, cancellationToken);
        await Table(zip, $"{name}/reports/parameters.csv", ["name", "value"],
        [
            ["entityID", $"rs:{register.ReportingEntityLei}.{register.Consolidation}"],
            ["refPeriod", DoraRegisterBuilder.Date(register.ReferenceDate)],
            ["baseCurrency", $"iso4217:{register.Currency}"],
            ["decimalsInteger", "0"],
            ["decimalsMonetary", "-3"],
        ], cancellationToken);
        await Table(zip, $"{name}/reports/FilingIndicators.csv", ["templateID", "reported"],
            [.. DoraTemplates.All.Select(t => new[] { t.Code, register.Reported(t) ? "true" : "false" })], cancellationToken);
        foreach (var template in DoraTemplates.All)
        {
            var entry = zip.CreateEntry($"{name}/reports/{template.FileName}", CompressionLevel.Fastest);
            await using var stream = await entry.OpenAsync(cancellationToken);
            await register.CopyTableAsync(template, stream, cancellationToken);
        }
    }

    private static async Task Entry(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Utf8.GetBytes(text.ReplaceLineEndings("\n")), cancellationToken);
    }

    private static async Task Table(ZipArchive zip, string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024) { NewLine = "\r\n" };
        RegisterCsv.WriteRow(writer, header);
        foreach (var row in rows)
        {
            RegisterCsv.WriteRow(writer, row);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
