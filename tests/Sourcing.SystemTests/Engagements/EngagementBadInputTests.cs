using System.Net;
using System.Net.Http.Json;
using static Sourcing.SystemTests.Engagements.EngagementsKit;

namespace Sourcing.SystemTests.Engagements;

/// <summary>Bad input is answered 400 ProblemDetails naming the field and the rule, and writes nothing (no row, no event).</summary>
[Collection(SystemCollection.Name)]
public sealed class EngagementBadInputTests(SystemFixture system)
{
    public static TheoryData<string, object?, string> BadProviders => new()
    {
        { "hqCountry", "XX", "hqCountry" },
        { "hqCountry", "USA", "hqCountry" },
        { "legalName", new string('x', 201), "legalName" },
        { "legalName", "", "legalName" },
        { "deliveryCountries", new[] { "PH", "QQ" }, "deliveryCountries[1]" },
        { "website", "ftp://files.example.com", "website" },
        { "contactEmail", "not-an-email", "contactEmail" },
        { "lei", "5493001KJTIIGC8Y1R13", "lei" },
        { "certifications", new object[] { new { validUntil = "2027-01-01" } }, "certifications[0].name" },
    };

    [Theory]
    [MemberData(nameof(BadProviders))]
    public async Task A_bad_provider_field_is_named_and_nothing_is_written(string field, object? value, string errorField)
    {
        using var t = await NewTenantAsync(system);
        var body = Provider();
        body[field] = value;
        using var response = await t.Api.PostAsJsonAsync("api/providers", body);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, errorField);
        Assert.Equal(0L, await CountAsync("providers", t.TenantId));
        Assert.Empty(await OutboxAsync(t.TenantId));
    }

    [Fact]
    public async Task Bad_captive_centre_fields_are_all_named_at_once_and_nothing_is_written()
    {
        using var t = await NewTenantAsync(system);
        foreach (var share in new[] { -1m, 100.01m })
        {
            var body = CaptiveCentre(share: share);
            body["headcount"] = -5;
            body["currency"] = "XYZ";
            body["annualOperatingCost"] = -1m;
            using var response = await t.Api.PostAsJsonAsync("api/captive-centres", body);
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ownershipPercent", "headcount", "currency", "annualOperatingCost");
        }

        var unknown = CaptiveCentre(country: "ZZ");
        using (var response = await t.Api.PostAsJsonAsync("api/captive-centres", unknown))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "country");
        }

        Assert.Equal(0L, await CountAsync("captive_centres", t.TenantId));
        Assert.Empty(await OutboxAsync(t.TenantId));
    }

    public static TheoryData<string, object?, string> BadEngagements => new()
    {
        { "deliveryCountry", "XX", "deliveryCountry" },
        { "businessProcess", "astrology", "businessProcess" },
        { "scope", "forever", "scope" },
        { "criticality", "meh", "criticality" },
        { "status", "paused", "status" },
        { "placeOfWork", "beach", "placeOfWork" },
        { "dataSensitivity", new[] { "gossip" }, "dataSensitivity[0]" },
        { "headcount", -1, "headcount" },
        { "name", new string('n', 201), "name" },
        { "deliverySite", new string('s', 201), "deliverySite" },
        { "deliveryLanguages", new[] { "xx" }, "deliveryLanguages[0]" },
        { "dataStorageCountries", new[] { "ZZ" }, "dataStorageCountries[0]" },
        { "providerId", Guid.NewGuid(), "providerId" },
        { "contract.currency", "ABC", "contract.currency" },
        { "contract.end", "2025-12-31", "contract.end" },
        { "contract.annualValue", -100m, "contract.annualValue" },
        { "contract.pricingModel", "barter", "contract.pricingModel" },
        { "contract.noticePeriodDays", -1, "contract.noticePeriodDays" },
        { "contract.start", null, "contract.start" },
        { "contract.serviceCreditTerms", new string('c', 2001), "contract.serviceCreditTerms" },
    };

    [Theory]
    [MemberData(nameof(BadEngagements))]
    public async Task A_bad_engagement_field_is_named_and_nothing_is_written(string field, object? value, string errorField)
    {
        using var t = await NewTenantAsync(system);
        var providerId = await CreateIdAsync(t.Api, "api/providers", Provider());
        var before = (await OutboxAsync(t.TenantId)).Count;
        var body = Engagement(providerId);
        if (field.StartsWith("contract.", StringComparison.Ordinal))
        {
            var contract = Contract();
            contract[field["contract.".Length..]] = value;
            body["contract"] = contract;
        }
        else
        {
            body[field] = value;
        }

        using var response = await t.Api.PostAsJsonAsync("api/engagements", body);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, errorField);
        Assert.Equal(0L, await CountAsync("engagements", t.TenantId));
        Assert.Equal(before, (await OutboxAsync(t.TenantId)).Count);
    }

    [Fact]
    public async Task A_provider_of_another_tenant_is_unknown_and_a_bad_update_changes_nothing()
    {
        using var a = await NewTenantAsync(system, "Alpha Corp");
        using var b = await NewTenantAsync(system, "Beta Corp");
        var foreignProvider = await CreateIdAsync(a.Api, "api/providers", Provider("Alpha's Provider"));
        using (var response = await b.Api.PostAsJsonAsync("api/engagements", Engagement(foreignProvider)))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "providerId");
        }

        Assert.Equal(0L, await CountAsync("engagements", b.TenantId));

        var ownProvider = await CreateIdAsync(b.Api, "api/providers", Provider());
        var id = await CreateIdAsync(b.Api, "api/engagements", Engagement(ownProvider));
        var events = (await OutboxAsync(b.TenantId)).Count;
        var bad = Engagement(foreignProvider, name: "Moved to Alpha's provider");
        using (var response = await PutAsync(b.Api, $"api/engagements/{id}", bad))
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "providerId");
        }

        var (read, etag) = await GetAsync(b.Api, $"api/engagements/{id}");
        Assert.Equal(ownProvider, read.GetProperty("providerId").GetGuid());
        Assert.Equal("Customer service", read.GetProperty("name").GetString());
        Assert.Equal("\"1\"", etag);
        Assert.Equal(events, (await OutboxAsync(b.TenantId)).Count);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_enum_types_are_400_naming_the_field()
    {
        using var t = await NewTenantAsync(system);
        using (var malformed = await t.Api.PostRawAsync("api/providers", "{\"legalName\": \"Broken\", \"hqCountry\": ", "application/json"))
        {
            await Problems.AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        }

        using (var wrongType = await t.Api.PostRawAsync("api/engagements", "{\"name\": \"x\", \"headcount\": \"eighty\"}", "application/json"))
        {
            await Problems.AssertProblemAsync(wrongType, HttpStatusCode.BadRequest, "headcount");
        }

        using (var badDate = await t.Api.PostRawAsync("api/engagements", "{\"name\": \"x\", \"contract\": {\"start\": \"yesterday\"}}", "application/json"))
        {
            await Problems.AssertProblemAsync(badDate, HttpStatusCode.BadRequest, "contract.start");
        }

        Assert.Equal(0L, await CountAsync("providers", t.TenantId));
        Assert.Empty(await OutboxAsync(t.TenantId));
    }
}
