using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Whatever the API returns it accepts back: GET then PUT unchanged, export then import, Excel's semicolon CSV.</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementRoundTripTests(SystemFixture system)
{
    private static HttpContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static async Task<Guid> IndiaEngagementAsync(EngagementsTenant t)
    {
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider("Bangalore Code Works Pvt Ltd", "IN"));
        var body = Engagement(providerId, name: "Bangalore development", country: "IN");
        body["deliverySite"] = "Bengaluru";
        var created = await CreateAsync(t.Api, "api/engagements", body);
        Assert.True(created.GetProperty("deliveryLanguages").GetArrayLength() > 20, created.GetProperty("deliveryLanguages").ToString());
        return created.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task An_India_engagement_read_then_saved_unchanged_is_accepted()
    {
        using var t = await NewTenantAsync(system);
        var id = await IndiaEngagementAsync(t);
        var (body, etag) = await GetAsync(t.Api, $"api/engagements/{id}");

        using var put = await PutAsync(t.Api, $"api/engagements/{id}", body, etag);
        var text = await put.Content.ReadAsStringAsync();
        Assert.True(put.StatusCode == HttpStatusCode.OK, $"PUT of the GET answered {(int)put.StatusCode}: {text}");
        var saved = JsonDocument.Parse(text).RootElement;
        Assert.Equal(
            body.GetProperty("deliveryLanguages").EnumerateArray().Select(l => l.GetString()),
            saved.GetProperty("deliveryLanguages").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task An_India_engagement_exported_imports_back_unchanged()
    {
        using var t = await NewTenantAsync(system);
        var id = await IndiaEngagementAsync(t);
        var (before, _) = await GetAsync(t.Api, $"api/engagements/{id}");

        var exported = await t.Api.GetByteArrayAsync("api/exports/engagements");
        using var import = await t.Api.PostAsync("api/imports/engagements", Csv(exported));
        var text = await import.Content.ReadAsStringAsync();
        Assert.True(import.StatusCode == HttpStatusCode.OK, $"Import of the export answered {(int)import.StatusCode}: {text}");
        var result = JsonDocument.Parse(text).RootElement;
        Assert.Equal(0, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());

        var (after, _) = await GetAsync(t.Api, $"api/engagements/{id}");
        Assert.Equal(before.GetProperty("deliveryLanguages").ToString(), after.GetProperty("deliveryLanguages").ToString());
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_semicolon_separated_file_as_Excel_writes_it_in_NL_and_DE_is_read()
    {
        using var t = await NewTenantAsync(system);
        await CreateIdAsync(t.Api, "api/providers", Provider("Manila Contact BPO Inc", "PH"));
        var csv = "\uFEFFname;providerId;scope;businessProcess;deliveryCountry;dataSensitivity;contractStart;pricingModel;annualValue;currency\r\n"
            + "Helpdesk, tier 1;Manila Contact BPO Inc;whole-process;customer-service;PH;\"personal;financial\";2026-01-01;per-fte;900000,50;EUR\r\n";
        using var import = await t.Api.PostAsync("api/imports/engagements", Csv(Encoding.UTF8.GetBytes(csv)));
        var text = await import.Content.ReadAsStringAsync();
        Assert.True(import.StatusCode == HttpStatusCode.OK, $"Import answered {(int)import.StatusCode}: {text}");
        Assert.Equal(1, JsonDocument.Parse(text).RootElement.GetProperty("created").GetInt32());

        var helpdesk = Items(await t.Api.GetFromJsonAsync<JsonElement>("api/engagements")).Single();
        Assert.Equal("Helpdesk, tier 1", helpdesk.GetProperty("name").GetString());
        Assert.Equal(["personal", "financial"], helpdesk.GetProperty("dataSensitivity").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(900000.50m, helpdesk.GetProperty("contract").GetProperty("annualValue").GetDecimal());
    }
}
