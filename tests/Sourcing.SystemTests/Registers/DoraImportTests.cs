using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;
using static Sourcing.SystemTests.Registers.RegisterFixtureBank;
using static Sourcing.SystemTests.Registers.RegistersKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>Importing a register package: dry run, all or nothing, and the round trip (export, import into an empty tenant, export again: the same tables).</summary>
[Collection(SystemCollection.Name)]
public sealed class DoraImportTests(SystemFixture system)
{
    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] zip, bool dryRun)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await api.PostAsync($"api/registers/dora/import?dryRun={(dryRun ? "true" : "false")}", content);
    }

    private static async Task<byte[]> ExportBytesAsync(HttpClient api)
    {
        using var response = await ExportAsync(api);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"export answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    [Fact]
    public async Task Round_trip_export_import_into_an_empty_tenant_and_export_again_gives_the_same_tables_row_for_row()
    {
        using var a = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(a);
        var first = await ExportBytesAsync(a.Api);

        using var b = await NewTenantAsync(system, "Acme Bank AG (copy)", "DE", "EUR", "Europe/Berlin");
        using (var dry = await ImportAsync(b.Api, first, dryRun: true))
        {
            var text = await dry.Content.ReadAsStringAsync();
            Assert.True(dry.StatusCode == HttpStatusCode.OK, $"dry run answered {(int)dry.StatusCode}: {text}");
            var created = JsonDocument.Parse(text).RootElement.GetProperty("created");
            Assert.Equal(
                "2 entities, 1 branches, 4 providers, 1 centres, 3 engagements",
                $"{created.GetProperty("entities")} entities, {created.GetProperty("branches")} branches, {created.GetProperty("providers")} providers, {created.GetProperty("captiveCentres")} centres, {created.GetProperty("engagements")} engagements");
        }

        Assert.Equal(0, await CountAsync("providers", b.TenantId));
        Assert.Equal(0, await CountAsync("register_entities", b.TenantId));

        using (var real = await ImportAsync(b.Api, first, dryRun: false))
        {
            Assert.True(real.StatusCode == HttpStatusCode.OK, $"import answered {(int)real.StatusCode}: {await real.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(4, await CountAsync("providers", b.TenantId));
        Assert.Equal(1, await CountAsync("captive_centres", b.TenantId));
        Assert.Equal(3, await CountAsync("engagements", b.TenantId));
        Assert.Equal(4, (await OutboxAsync(b.TenantId, "ProviderRegistered")).Count);
        Assert.Equal(3, (await OutboxAsync(b.TenantId, "EngagementCreated")).Count);

        var second = await ExportBytesAsync(b.Api);
        var before = new DoraPackageReader(first);
        var after = new DoraPackageReader(second);
        foreach (var file in before.Files.Keys.Select(k => k[(before.Root.Length + 1)..]))
        {
            Assert.Equal(before.Text(file), after.Text(file));
        }

        // Importing the same package again is refused as a whole: the entities and contracts are held already.
        using var again = await ImportAsync(b.Api, first, dryRun: false);
        var problem = await ProblemAsync(again, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("rejected").EnumerateArray(), r => r.GetProperty("template").GetString() == "B_02.01" && r.GetProperty("column").GetString() == "c0010");
        Assert.Equal(4, await CountAsync("providers", b.TenantId));
    }

    [Fact]
    public async Task A_package_with_bad_rows_is_refused_whole_listing_every_rejected_row_in_the_dry_run_too()
    {
        using var a = await NewTenantAsync(system, "Acme Bank AG", "DE", "EUR", "Europe/Berlin");
        await RegisterFixtureBank.CreateAsync(a);
        var package = await ExportBytesAsync(a.Api);
        var tampered = Replace(package, "b_01.02.csv", BankLei, "ACMEBANK000000000095");
        tampered = Replace(tampered, "b_05.01.csv", "eba_GA:PH", "eba_GA:XX");

        using var b = await NewTenantAsync(system, "Empty Bank", "DE", "EUR", "Europe/Berlin");
        foreach (var dryRun in new[] { true, false })
        {
            using var response = await ImportAsync(b.Api, tampered, dryRun);
            var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            var rejected = problem.GetProperty("rejected").EnumerateArray().Select(r => $"{r.GetProperty("template").GetString()}:{r.GetProperty("column").GetString()}").ToList();
            Assert.Contains("B_01.02:c0010", rejected);
            Assert.Contains("B_05.01:c0080", rejected);
        }

        Assert.Equal(0, await CountAsync("providers", b.TenantId));
        Assert.Equal(0, await CountAsync("register_entities", b.TenantId));

        using var viewer = AsRole(system, b.TenantId, "viewer");
        using var refused = await ImportAsync(viewer, package, dryRun: true);
        await ProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    /// <summary>The package with one text replaced in one of its files (first occurrence in that file).</summary>
    private static byte[] Replace(byte[] zip, string file, string from, string to)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.FullName.EndsWith("/reports/" + file, StringComparison.Ordinal))
                {
                    var i = text.IndexOf(from, StringComparison.Ordinal);
                    Assert.True(i >= 0, $"{from} is not in {file}");
                    text = string.Concat(text.AsSpan(0, i), to, text.AsSpan(i + from.Length));
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }
}
