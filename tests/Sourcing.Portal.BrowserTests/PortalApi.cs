using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>What the browser tests set up through the APIs, the way an integration would.</summary>
public static class PortalApi
{
    /// <summary>A provider in the Philippines and an offshore BPO engagement with it; returns the engagement's id.</summary>
    public static async Task<Guid> CreateEngagementAsync(
        Uri engagements, string accessToken, string name, string criticality = "important",
        string contractEnd = "2028-12-31", int noticePeriodDays = 90, string? renewalDecision = null, string providerName = "Manila Contact BPO Inc",
        string businessProcess = "customer-service")
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        var providerId = await PostAsync(api, "api/providers", new Dictionary<string, object?>
        {
            ["legalName"] = providerName,
            ["hqCountry"] = "PH",
            ["deliveryCountries"] = new[] { "PH" },
            ["certifications"] = new object[] { new { name = "ISO 27001", validUntil = "2099-12-31" } },
            ["contactName"] = "Pat Provider",
            ["contactEmail"] = "pat@provider.example.com",
        });
        return await PostAsync(api, "api/engagements", new Dictionary<string, object?>
        {
            ["name"] = name,
            ["providerId"] = providerId,
            ["scope"] = "whole-process",
            ["businessProcess"] = businessProcess,
            ["deliveryCountry"] = "PH",
            ["deliverySite"] = "Manila, Ortigas Center",
            ["placeOfWork"] = "provider-premises",
            ["headcount"] = 80,
            ["dataSensitivity"] = new[] { "personal" },
            ["criticality"] = criticality,
            ["status"] = "active",
            ["contract"] = new Dictionary<string, object?>
            {
                ["start"] = "2026-01-01",
                ["end"] = contractEnd,
                ["noticePeriodDays"] = noticePeriodDays,
                ["autoRenewal"] = false,
                ["renewalDecision"] = renewalDecision,
                ["pricingModel"] = "per-fte",
                ["annualValue"] = 1_200_000m,
                ["currency"] = "USD",
            },
        });
    }

    /// <summary>A monthly SLA defined through the SLA API (waiting until the SLA service knows the engagement); returns its id.</summary>
    public static async Task<Guid> DefineSlaAsync(Uri sla, string accessToken, Guid engagementId, string metric, decimal target, string direction = "at-least")
    {
        using var api = SourcingClient.Api(sla, accessToken);
        var body = new Dictionary<string, object?>
        {
            ["metric"] = metric,
            ["unit"] = "%",
            ["target"] = target,
            ["direction"] = direction,
            ["period"] = "monthly",
        };
        Guid id = default;
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await api.PostAsJsonAsync(new Uri($"api/engagements/{engagementId}/slas", UriKind.Relative), body);
                if (response.StatusCode != System.Net.HttpStatusCode.Created)
                {
                    return false;
                }

                id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
                return true;
            },
            TimeSpan.FromSeconds(60),
            "the SLA service to know the engagement");
        return id;
    }

    /// <summary>How many measurements the SLA API holds for the SLA.</summary>
    public static async Task<int> MeasurementCountAsync(Uri sla, string accessToken, Guid slaId)
    {
        using var api = SourcingClient.Api(sla, accessToken);
        using var response = await api.GetAsync(new Uri($"api/slas/{slaId}/measurements", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("totalCount").GetInt32();
    }

    /// <summary>The engagement as the engagements API holds it.</summary>
    public static async Task<JsonElement> EngagementAsync(Uri engagements, string accessToken, Guid engagementId)
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        using var response = await api.GetAsync(new Uri($"api/engagements/{engagementId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The tenant's engagements as the engagements API lists them.</summary>
    public static async Task<JsonElement> EngagementsAsync(Uri engagements, string accessToken)
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        using var response = await api.GetAsync(new Uri("api/engagements?pageSize=100", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").Clone();
    }

    /// <summary>Waits until the risk service has raised an open alert about the engagement (of a kind, if given); returns it.</summary>
    public static async Task<JsonElement> OpenAlertAsync(Uri risk, string accessToken, Guid engagementId, string? kind = null)
    {
        var timeout = TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var items = (await AlertsAsync(risk, accessToken, $"status=open&engagementId={engagementId}{(kind is null ? "" : $"&kind={kind}")}")).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"no alert about the engagement within {timeout.TotalSeconds} s");
            await Task.Delay(500);
        }
    }

    public static async Task<JsonElement> AlertAsync(Uri risk, string accessToken, Guid alertId)
    {
        using var api = SourcingClient.Api(risk, accessToken);
        using var response = await api.GetAsync(new Uri($"api/risk/alerts/{alertId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> AlertsAsync(Uri risk, string accessToken, string query)
    {
        using var api = SourcingClient.Api(risk, accessToken);
        using var response = await api.GetAsync(new Uri($"api/risk/alerts?{query}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A provider added through the API; returns its id.</summary>
    public static async Task<Guid> CreateProviderAsync(Uri engagements, string accessToken, string legalName, string hqCountry = "IN")
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        return await PostAsync(api, "api/providers", new Dictionary<string, object?>
        {
            ["legalName"] = legalName,
            ["hqCountry"] = hqCountry,
            ["deliveryCountries"] = new[] { hqCountry },
            ["contactName"] = "Dev Contact",
        });
    }

    /// <summary>A captive centre added through the API; returns its id.</summary>
    public static async Task<Guid> CreateCaptiveCentreAsync(Uri engagements, string accessToken, string legalEntity)
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        return await PostAsync(api, "api/captive-centres", new Dictionary<string, object?>
        {
            ["legalEntity"] = legalEntity,
            ["country"] = "PL",
            ["ownershipPercent"] = 100m,
            ["headcount"] = 120,
            ["annualOperatingCost"] = 2_000_000m,
        });
    }

    /// <summary>An active engagement of a captive centre (delivered in the centre's country); returns its id.</summary>
    public static async Task<Guid> CreateCentreEngagementAsync(Uri engagements, string accessToken, Guid captiveCentreId, string name)
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        return await PostAsync(api, "api/engagements", new Dictionary<string, object?>
        {
            ["name"] = name,
            ["captiveCentreId"] = captiveCentreId,
            ["scope"] = "whole-process",
            ["businessProcess"] = "accounting",
            ["headcount"] = 40,
            ["criticality"] = "standard",
            ["status"] = "active",
        });
    }

    /// <summary>What the engagements API answers for a path (a provider, a captive centre, an audit trail).</summary>
    public static async Task<JsonElement> GetAsync(Uri engagements, string accessToken, string path)
    {
        using var api = SourcingClient.Api(engagements, accessToken);
        using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
