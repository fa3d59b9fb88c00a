using System.Net;
using System.Text.Json;

namespace Sourcing.SystemTests;

/// <summary>What every service offers besides its API: health, the OpenAPI document, the reference page.</summary>
[Collection(SystemCollection.Name)]
public sealed class HostingTests(SystemFixture system)
{
    public static TheoryData<string> Services => new(SystemFixture.ServiceNames);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_answers_health_checks_and_serves_its_OpenAPI_document_and_reference_page(string name)
    {
        using var http = new HttpClient { BaseAddress = system.Service(name).Url };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/ready")).StatusCode);

        var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json")).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(document.GetProperty("paths").EnumerateObject());

        using var reference = await http.GetAsync("scalar/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The services whose APIs take a bearer token (all but identity, which issues them).</summary>
    public static TheoryData<string> Apis => new(SystemFixture.ServiceNames.Where(n => n != "Identity"));

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task An_API_documents_that_it_takes_a_bearer_token(string name)
    {
        using var http = new HttpClient { BaseAddress = system.Service(name).Url };
        var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json")).RootElement;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }
}
