using System.Text.Json;
using Sourcing.Contracts;

namespace Sourcing.SystemTests.Risk;

/// <summary>
/// Produces the events the risk service consumes, as the engagements and SLA services would: by
/// writing rows into the tenants database's outbox (as the owner), whose dispatcher publishes them
/// for real over RabbitMQ. A row's id is the broker message id; the inbox deduplicates on EventId.
/// </summary>
public static class RiskEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task PublishAsync<TEvent>(TEvent integrationEvent, Guid? rowId = null)
        where TEvent : IntegrationEvent
    {
        await using var connection = await SystemFixture.OpenAsync("sourcing_tenants", "sourcing_owner");
        await using var command = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO outbox_messages (id, tenant_id, message_type, payload, occurred_at, attempts)
            VALUES (@id, @tenant, @type, @payload::jsonb, now(), 0)
            """,
            connection);
        command.Parameters.AddWithValue("id", rowId ?? integrationEvent.EventId);
        command.Parameters.AddWithValue("tenant", integrationEvent.TenantId);
        command.Parameters.AddWithValue("type", typeof(TEvent).FullName!);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(integrationEvent, Json));
        await command.ExecuteNonQueryAsync();
    }

    public static ProviderState Provider(Guid id, string name = "Manila Contact Ltd", string country = "PH", params Certification[] certifications) => new()
    {
        Id = id,
        LegalName = name,
        HqCountry = country,
        DeliveryCountries = [country],
        Certifications = certifications,
        Version = 1,
    };

    public static CaptiveCentreState Centre(Guid id, string kind, decimal? operatingCost, string country = "PH") => new()
    {
        Id = id,
        LegalEntity = $"{kind} {id.ToString()[..8]}",
        Country = country,
        OwnershipPercent = kind == SourceKinds.Partnership ? 50 : 100,
        SharedControl = kind == SourceKinds.Partnership,
        Kind = kind,
        Headcount = 100,
        Functions = [],
        AnnualOperatingCost = operatingCost,
        Currency = operatingCost is null ? null : "USD",
        Version = 1,
    };

    /// <summary>An engagement of a captive centre or partnership (the same facts as <see cref="Engagement"/>, another source).</summary>
    public static EngagementState CentreEngagement(Guid id, Guid centreId, string kind, decimal? annualValue = 100_000m) =>
        Engagement(id, Guid.Empty, annualValue: annualValue) with { SourceKind = kind, ProviderId = null, CaptiveCentreId = centreId };

    public static EngagementState Engagement(
        Guid id,
        Guid providerId,
        string country = "PH",
        string zone = "Asia/Manila",
        string grade = "offshore",
        string criticality = "standard",
        string process = "customer-service",
        decimal? annualValue = 100_000m,
        string currency = "USD",
        string[]? sensitivity = null,
        int version = 1) => new()
        {
            Id = id,
            Name = $"Engagement {id.ToString()[..8]}",
            SourceKind = SourceKinds.Provider,
            ProviderId = providerId,
            Scope = EngagementScopes.WholeProcess,
            BusinessProcess = process,
            DeliveryCountry = country,
            DeliveryTimeZone = zone,
            DeliveryLanguages = ["en"],
            PlaceOfWork = "provider-premises",
            Headcount = 20,
            Core = false,
            DataSensitivity = sensitivity ?? [],
            Criticality = criticality,
            Status = "active",
            Contract = new ContractTerms
            {
                Start = new DateOnly(2025, 1, 1),
                End = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
                NoticePeriodDays = 90,
                AutoRenewal = true,
                PricingModel = "per-fte",
                AnnualValue = annualValue,
                Currency = currency,
            },
            Classification = new EngagementClassification("offshore-bpo", "offshore BPO outsourcing", grade, "test"),
            Version = version,
        };

    public static SlaState Sla(Guid id, Guid engagementId, string metric = "First-contact resolution") => new()
    {
        Id = id,
        EngagementId = engagementId,
        Metric = metric,
        Unit = "%",
        Target = 80,
        Direction = "at-least",
        Period = "daily",
        Weight = 1,
        Status = "active",
        Version = 1,
    };

    /// <summary>Daily results for the last <paramref name="days"/> days (yesterday back), missing every <paramref name="missEvery"/>-th.</summary>
    public static SlaResultsRecorded Results(Guid tenantId, Guid engagementId, Guid slaId, int days, int missEvery)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var results = Enumerable.Range(1, days).Select(i =>
        {
            var day = today.AddDays(-i);
            var missed = missEvery > 0 && i % missEvery == 0;
            return new SlaPeriodResult(slaId, day, day, missed ? 60 : 90, 80, "at-least", !missed, missed ? 0.25m : 0m);
        }).ToList();
        return new SlaResultsRecorded { TenantId = tenantId, EngagementId = engagementId, BatchId = Guid.NewGuid(), Results = results };
    }

    /// <summary>A provider, an engagement and (optionally) an SLA with 60 days of results for a tenant; returns the ids.</summary>
    public static async Task<(Guid ProviderId, Guid EngagementId, Guid SlaId)> SeedEngagementAsync(
        Guid tenantId, bool withSla = true, int missEvery = 4, string criticality = "standard", string[]? sensitivity = null)
    {
        var providerId = Guid.NewGuid();
        var engagementId = Guid.NewGuid();
        var slaId = Guid.NewGuid();
        await PublishAsync(new ProviderRegistered { TenantId = tenantId, Provider = Provider(providerId) });
        await PublishAsync(new EngagementCreated { TenantId = tenantId, Engagement = Engagement(engagementId, providerId, criticality: criticality, sensitivity: sensitivity) });
        if (withSla)
        {
            await PublishAsync(new SlaDefined { TenantId = tenantId, Sla = Sla(slaId, engagementId) });
            await PublishAsync(Results(tenantId, engagementId, slaId, 60, missEvery));
        }

        return (providerId, engagementId, slaId);
    }
}
