using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.TimeZones;
using Sourcing.Contracts;
using Sourcing.Risk.Data;
using Sourcing.Risk.Recompute;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Advice;

/// <summary>The criticality tiers of DOMAIN.md.</summary>
public static class CriticalityTiers
{
    public static readonly IReadOnlyList<string> All = ["standard", "important", "critical"];
}

/// <summary>A candidate country; the time zone may be left out where all the country's zones share one offset.</summary>
public sealed record AdviceCandidateRequest(
    [property: Required, StringLength(2, MinimumLength = 2)] string? Country,
    [property: MaxLength(64)] string? TimeZone);

/// <summary>The priorities, 0 (does not matter) to 3 (matters most); a priority left out counts 0.</summary>
public sealed record AdvicePrioritiesRequest(
    [property: Range(0, 3)] int? Cost,
    [property: Range(0, 3)] int? Control,
    [property: Range(0, 3)] int? Flexibility,
    [property: Range(0, 3)] int? Speed,
    [property: Range(0, 3)] int? Market,
    [property: Range(0, 3)] int? Coverage,
    [property: Range(0, 3)] int? Skills,
    [property: Range(0, 3)] int? Scale,
    [property: Range(0, 3)] int? Investment);

/// <summary>The business process a company wants to move, and what matters to it.</summary>
public sealed record AdviceRequest(
    [property: Required, OneOf(typeof(BusinessProcesses))] string? Process,
    [property: Required, OneOf(typeof(EngagementScopes))] string? Scope,
    [property: Required, Range(1, AdviceApi.MaxMonths)] int? Months,
    [property: Range(0, AdviceApi.MaxHeadcount)] int? Headcount,
    bool? Core,
    [property: MaxLength(5), OneOf(typeof(DataSensitivities))] IReadOnlyList<string>? DataSensitivity,
    [property: Required, OneOf(typeof(CriticalityTiers))] string? Criticality,
    [property: MaxLength(AdviceApi.MaxCandidates)] IReadOnlyList<AdviceCandidateRequest>? Candidates,
    AdvicePrioritiesRequest? Priorities,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? ExpectedAnnualCost,
    [property: StringLength(3, MinimumLength = 3)] string? Currency,
    [property: Range(typeof(decimal), "0", "10")] decimal? RiskWeight);

/// <summary>The sourcing-strategy advisor (DOMAIN.md, "Strategy advice"): pure computation over the tenant's portfolio.</summary>
public static class AdviceApi
{
    public const int MaxMonths = 600;
    public const int MaxHeadcount = 1_000_000;
    public const int MaxCandidates = 5;

    public static void MapAdviceApi(this WebApplication app)
    {
        app.MapGroup("/api/risk/advice")
            .WithTags("Advice")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>()
            .MapPost("/", Advise)
            .WithName("AdviseStrategy")
            .WithSummary("Compares the ways to source a business process (keep in-house, task or BPO outsourcing at home, offshore task or BPO "
                + "outsourcing, a captive centre or a partnership in each candidate country) and ranks them by the priorities given: for each, "
                + "whether it applies, its classification, the policy checks it would fail, the projected dependency and geopolitical scores "
                + "with the portfolio as it would become, the working hours shared with head office, the currency exposure it adds, and the "
                + "reasons in words. Nothing is written.");
    }

    private static async Task<Results<Ok<AdviceResult>, ValidationProblem, ProblemHttpResult>> Advise(
        AdviceRequest? request, TenantRecompute recompute, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var inputs = await recompute.LoadInputsAsync(tenant.RequiredTenantId, cancellationToken);
        if (inputs is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The company's settings have not reached the risk service yet.",
                detail: "Try again in a few seconds.");
        }

        var errors = new ValidationErrors();
        var question = Validate(request, inputs.Settings, inputs.EvaluationDate.Year, errors);
        if (errors.Any || question is null)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(StrategyAdvisor.Advise(question, inputs));
    }

    /// <summary>Checks every field (each failure named by its JSON path) and returns the question, or null when one fails.</summary>
    public static AdviceQuestion? Validate(AdviceRequest? request, TenantSettings settings, int year, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "is required.");
            return null;
        }

        OneOf(errors, "process", request.Process, BusinessProcesses.All);
        OneOf(errors, "scope", request.Scope, EngagementScopes.All);
        OneOf(errors, "criticality", request.Criticality, CriticalityTiers.All);
        if (errors.Required("months", request.Months) && request.Months is < 1 or > MaxMonths)
        {
            errors.Add("months", $"must be between 1 and {MaxMonths}.");
        }

        if (request.Headcount is < 0 or > MaxHeadcount)
        {
            errors.Add("headcount", $"must be between 0 and {MaxHeadcount}.");
        }

        var sensitivity = request.DataSensitivity ?? [];
        for (var i = 0; i < sensitivity.Count; i++)
        {
            if (!DataSensitivities.All.Contains(sensitivity[i]))
            {
                errors.Add($"dataSensitivity[{i}]", $"must be one of {string.Join(", ", DataSensitivities.All)}.");
            }
        }

        if (sensitivity.Distinct().Count() != sensitivity.Count)
        {
            errors.Add("dataSensitivity", "must not repeat a flag.");
        }

        var candidates = new List<AdviceCandidate>();
        var given = request.Candidates ?? [];
        if (given.Count > MaxCandidates)
        {
            errors.Add("candidates", $"must hold at most {MaxCandidates} countries.");
        }

        for (var i = 0; i < Math.Min(given.Count, MaxCandidates); i++)
        {
            var field = $"candidates[{i}]";
            var country = given[i]?.Country?.ToUpperInvariant();
            if (country is null || !IsoCodes.IsCountry(country))
            {
                errors.Add($"{field}.country", "must be an ISO 3166-1 alpha-2 country code.");
                continue;
            }

            if (country == settings.HqCountry)
            {
                errors.Add($"{field}.country", $"is the head-office country ({country}): the options at home cover it; give countries abroad.");
                continue;
            }

            if (candidates.Any(c => c.Country == country))
            {
                errors.Add($"{field}.country", $"repeats {country}.");
                continue;
            }

            var zone = given[i]!.TimeZone;
            var zones = ZonesOf(country);
            if (zone is null)
            {
                zone = AutomaticZone(zones, year);
                if (zone is null)
                {
                    errors.Add($"{field}.timeZone", $"is required: {country}'s time zones differ ({string.Join(", ", zones)}).");
                    continue;
                }
            }
            else if (!IsoCodes.IsTimeZone(zone) || (zones.Count > 0 && !zones.Contains(zone)))
            {
                errors.Add($"{field}.timeZone", zones.Count > 0
                    ? $"must be one of {country}'s IANA time zones ({string.Join(", ", zones)})."
                    : "must be an IANA time zone.");
                continue;
            }

            candidates.Add(new AdviceCandidate(country, zone));
        }

        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        var p = request.Priorities;
        foreach (var (name, value) in new (string, int?)[]
        {
            (Priorities.Cost, p?.Cost), (Priorities.Control, p?.Control), (Priorities.Flexibility, p?.Flexibility),
            (Priorities.Speed, p?.Speed), (Priorities.Market, p?.Market), (Priorities.Coverage, p?.Coverage),
            (Priorities.Skills, p?.Skills), (Priorities.Scale, p?.Scale), (Priorities.Investment, p?.Investment),
        })
        {
            if (value is < 0 or > 3)
            {
                errors.Add($"priorities.{name}", "must be between 0 and 3.");
            }

            priorities[name] = value ?? 0;
        }

        if (request.ExpectedAnnualCost is < 0 or > 1_000_000_000_000m)
        {
            errors.Add("expectedAnnualCost", "must be between 0 and 1,000,000,000,000.");
        }

        var currency = request.Currency?.ToUpperInvariant();
        if (currency is not null && !IsoCodes.IsCurrency(currency))
        {
            errors.Add("currency", "must be an ISO 4217 currency code.");
        }

        if (request.RiskWeight is < 0 or > 10)
        {
            errors.Add("riskWeight", "must be between 0 and 10.");
        }

        return errors.Any
            ? null
            : new AdviceQuestion(
                request.Process!, request.Scope!, request.Months!.Value, request.Headcount, request.Core ?? false, [.. sensitivity],
                request.Criticality!, candidates, priorities, request.ExpectedAnnualCost, currency,
                (double?)request.RiskWeight ?? StrategyAdvisor.DefaultRiskWeight);
    }

    private static void OneOf(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (errors.Required(field, value) && !allowed.Contains(value!))
        {
            errors.Add(field, $"must be one of {string.Join(", ", allowed)}.");
        }
    }

    /// <summary>The tz database's zones of a country (zone.tab).</summary>
    private static List<string> ZonesOf(string country) =>
        [.. (TzdbDateTimeZoneSource.Default.ZoneLocations ?? []).Where(l => l.CountryCode == country).Select(l => l.ZoneId)];

    /// <summary>The country's first zone when all its zones share one offset at 12:00 UTC on 15 January and one on 15 July (as for a delivery site).</summary>
    private static string? AutomaticZone(IReadOnlyList<string> zones, int year)
    {
        if (zones.Count == 0)
        {
            return null;
        }

        var january = Instant.FromUtc(year, 1, 15, 12, 0);
        var july = Instant.FromUtc(year, 7, 15, 12, 0);
        var offsets = zones.Select(id => DateTimeZoneProviders.Tzdb[id]).Select(z => (z.GetUtcOffset(january), z.GetUtcOffset(july))).Distinct().Count();
        return offsets == 1 ? zones[0] : null;
    }
}
