using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.SystemTests.Engagements;
using Sourcing.Testing;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Registers;

/// <summary>Register facts for the register tests: LEIs with valid check digits, entities, tokens of each role.</summary>
public static class RegistersKit
{
    // ISO 17442 codes whose check digits are valid (computed with ISO 7064 MOD 97-10).
    public const string BankLei = "ACMEBANK000000000094";
    public const string ParentLei = "ACMEPARENT0000000055";
    public const string HostLei = "HOSTXCLOUD0000000049";
    public const string BpoLei = "CONTACTBPO0000000047";
    public const string SubLei = "SUBPROC0000000000045";
    public const string CentreLei = "RHEINFELDTECH0000087";
    public const string GroupItLei = "RHEINFELDLUX00000052";

    public static Dictionary<string, object?> Entity(string name, string hierarchy, string? parent, string country = "DE", string currency = "EUR") => new()
    {
        ["name"] = name,
        ["entityType"] = "eba_CT:x12",
        ["hierarchy"] = hierarchy,
        ["parentLei"] = parent,
        ["country"] = country,
        ["currency"] = currency,
        ["totalAssets"] = 12_500_000_000m,
        ["integratedOn"] = "2025-01-17",
        ["deletedOn"] = null,
    };

    public static Dictionary<string, object?> ProviderWith(string legalName, string country, string? lei)
    {
        var provider = Provider(legalName, country);
        provider["lei"] = lei;
        return provider;
    }

    public static async Task PutOkAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PutAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {url} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>A two-entity group (ultimate parent and a bank subsidiary reporting the register) with the register's settings.</summary>
    public static async Task SetUpGroupAsync(HttpClient api)
    {
        await PutOkAsync(api, $"api/registers/entities/{ParentLei}", Entity("Acme Holding AG", "eba_RP:x53", ParentLei));
        await PutOkAsync(api, $"api/registers/entities/{BankLei}", Entity("Acme Bank AG", "eba_RP:x56", ParentLei));
        await PutOkAsync(api, "api/registers/settings", new { reportingEntityLei = BankLei, competentAuthority = "DE_BAFIN", consolidation = "CON" });
    }

    public static HttpClient AsRole(SystemFixture system, Guid tenantId, string role) =>
        ApiWithToken(system, TokenForge.Create(TokenForge.DevelopmentSigningKey(system.KeysDirectory), system.Identity, "engagements", tenantId, role, DateTime.UtcNow.AddMinutes(5)));

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
