using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Sourcing.Contracts;
using Sourcing.SystemTests.Risk;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Exports carry what a person reads: provider and centre names beside the ids, the current scores and band; CSV and XLSX.</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementExportTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string> Row(string csv, Guid id)
    {
        var records = Records(csv);
        var header = records[0];
        var row = records.Single(l => l[0] == id.ToString());
        return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row[x.i], StringComparer.Ordinal);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Records(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }

    [Fact]
    public async Task The_export_names_provider_and_centre_and_holds_the_newest_scores_in_csv_and_xlsx()
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider("Manila Contact BPO Inc", "PH"));
        var centreId = await CreateIdAsync(t.Api, "api/captive-centres", CaptiveCentre("Acme Poland Sp. z o.o.", "PL"));
        var outsourced = await CreateIdAsync(t.Api, "api/engagements", Engagement(providerId, name: "Helpdesk"));
        var centre = Engagement(captiveCentreId: centreId, name: "Finance centre", country: "PL");
        centre["contract"] = null;
        var centred = await CreateIdAsync(t.Api, "api/engagements", centre);

        // Announced as the risk service does; later than anything it computes now, so these are the newest.
        var later = DateTimeOffset.UtcNow.AddHours(1);
        await RiskEvents.PublishAsync(new RiskScoresChanged
        {
            TenantId = t.TenantId,
            EngagementId = outsourced,
            Quality = 12.5m,
            Dependency = 40m,
            Geopolitical = 61.25m,
            Composite = 80.5m,
            Band = "critical",
            ComputedAt = later,
        });
        var row = await Eventually.WaitAsync(
            async () => Row(await t.Api.GetStringAsync("api/exports/engagements"), outsourced) is { } r && r["riskBand"] == "critical" ? r : null,
            Wait, "the export to show the announced scores");
        Assert.Equal("Manila Contact BPO Inc", row["providerName"]);
        Assert.Equal("", row["captiveCentreName"]);
        Assert.Equal(("12.5", "40", "61.25", "80.5"), (row["qualityScore"], row["dependencyScore"], row["geopoliticalScore"], row["compositeScore"]));

        // An older announcement arriving late changes nothing (the newer one for the centre shows it was consumed after).
        await RiskEvents.PublishAsync(new RiskScoresChanged
        {
            TenantId = t.TenantId,
            EngagementId = outsourced,
            Composite = 5m,
            Band = "low",
            ComputedAt = later.AddHours(-3),
        });
        await RiskEvents.PublishAsync(new RiskScoresChanged
        {
            TenantId = t.TenantId,
            EngagementId = centred,
            Geopolitical = 30m,
            Composite = 30m,
            Band = "medium",
            ComputedAt = later,
        });
        var centreRow = await Eventually.WaitAsync(
            async () => Row(await t.Api.GetStringAsync("api/exports/engagements"), centred) is { } r && r["riskBand"] == "medium" ? r : null,
            Wait, "the centre's scores");
        Assert.Equal("Acme Poland Sp. z o.o.", centreRow["captiveCentreName"]);
        await Task.Delay(1000);
        Assert.Equal("critical", Row(await t.Api.GetStringAsync("api/exports/engagements"), outsourced)["riskBand"]);

        // The same in XLSX, numbers as numbers.
        using var xlsx = await t.Api.GetAsync("api/exports/engagements?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var helpdesk = sheet.Single(r => (string?)r["id"] == outsourced.ToString());
        Assert.Equal("Helpdesk", helpdesk["name"]);
        Assert.Equal("Manila Contact BPO Inc", helpdesk["providerName"]);
        Assert.Equal("critical", helpdesk["riskBand"]);
        Assert.Equal(80.5m, Convert.ToDecimal(helpdesk["compositeScore"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, sheet.Count);

        using var providers = await t.Api.GetAsync("api/exports/providers?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, providers.StatusCode);
        await Problems.AssertProblemAsync(await t.Api.GetAsync("api/exports/engagements?format=pdf"), HttpStatusCode.BadRequest, "format");
    }
}
