using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.TimeZones;
using Sourcing.Risk.Data;
using Sourcing.Risk.Recompute;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Http;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Countries;

public sealed record CountryOverrideResponse(decimal? PoliticalStability, decimal? CurrencyRisk, decimal? CommunicationRisk, string? Note, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record CountryResponse(
    string Code,
    string? Iso3,
    string Name,
    decimal? PoliticalStability,
    decimal? PoliticalStabilityLower90,
    decimal? PoliticalStabilityUpper90,
    bool InBottomQuartile,
    string? Currency,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> TimeZones,
    IReadOnlyList<double> UtcOffsetHoursNow,
    CountryOverrideResponse? Override);

public sealed record CountryOverrideRequest(
    [property: Range(typeof(decimal), "0", "100")] decimal? PoliticalStability,
    [property: Range(typeof(decimal), "0", "100")] decimal? CurrencyRisk,
    [property: Range(typeof(decimal), "0", "100")] decimal? CommunicationRisk,
    [property: MaxLength(500)] string? Note);

/// <summary>The country reference data the scores use, and a tenant admin's overrides per country.</summary>
public static class CountriesApi
{
    public const string Attribution = "Political stability: Worldwide Governance Indicators, World Bank (CC BY 4.0). Exchange rates: Source: ECB.";

    public static void MapCountriesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk/countries")
            .WithTags("Countries")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/", List).WithName("ListCountries")
            .WithSummary("Every country of the reference data, by name, a page at a time: WGI political stability, currency, languages, time zones, and the tenant's override.");
        group.MapGet("/{code}", Get).WithName("GetCountry").WithSummary("One country by ISO 3166-1 alpha-2 code.");
        group.MapPut("/{code}/override", PutOverride).WithName("PutCountryOverride")
            .WithSummary("Sets the tenant's values for a country (each 0 to 100; each one set replaces the reference value in the scores).")
            .RequireAuthorization(Policies.Admin);
        group.MapDelete("/{code}/override", DeleteOverride).WithName("DeleteCountryOverride")
            .WithSummary("Removes the tenant's override of a country.")
            .RequireAuthorization(Policies.Admin);
    }

    private static async Task<Results<Ok<Page<CountryResponse>>, ValidationProblem>> List(
        RiskDb db, ReferenceData reference, TimeProvider clock, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Paging.Validate(errors, page, pageSize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var snapshot = await reference.GetAsync(cancellationToken);
        var overrides = await db.CountryOverrides.AsNoTracking().ToDictionaryAsync(o => o.Country, cancellationToken);
        var countries = snapshot.Countries
            .Select(c => ToResponse(c.Iso2 ?? "", c, snapshot, c.Iso2 is { } iso2 ? overrides.GetValueOrDefault(iso2) : null, clock))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(countries.ToPage(page, pageSize));
    }

    private static async Task<Results<Ok<CountryResponse>, NotFound>> Get(
        string code, RiskDb db, ReferenceData reference, TimeProvider clock, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        if (!IsoCodes.IsCountry(code))
        {
            return TypedResults.NotFound();
        }

        var snapshot = await reference.GetAsync(cancellationToken);
        var country = snapshot.CountriesByIso2.GetValueOrDefault(code);
        var over = await db.CountryOverrides.AsNoTracking().SingleOrDefaultAsync(o => o.Country == code, cancellationToken);
        return TypedResults.Ok(ToResponse(code, country, snapshot, over, clock));
    }

    private static async Task<Results<Ok<CountryResponse>, ValidationProblem>> PutOverride(
        string code, CountryOverrideRequest? request, RiskDb db, ITenantContext tenant, ReferenceData reference, ClaimsPrincipal user,
        TimeProvider clock, IBackgroundJobClient jobs, HttpContext http, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        var errors = new ValidationErrors();
        if (!IsoCodes.IsCountry(code))
        {
            errors.Add("code", $"'{code}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (request is null)
        {
            errors.Add("body", "is required.");
        }
        else
        {
            Range(errors, "politicalStability", request.PoliticalStability);
            Range(errors, "currencyRisk", request.CurrencyRisk);
            Range(errors, "communicationRisk", request.CommunicationRisk);
            if (request.PoliticalStability is null && request.CurrencyRisk is null && request.CommunicationRisk is null)
            {
                errors.Add("politicalStability", "at least one of politicalStability, currencyRisk or communicationRisk is required.");
            }

            if (request.Note is { Length: > 500 })
            {
                errors.Add("note", "must be at most 500 characters.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var tenantId = tenant.RequiredTenantId;
        var over = await db.CountryOverrides.SingleOrDefaultAsync(o => o.Country == code, cancellationToken);
        if (over is null)
        {
            over = new CountryOverride { TenantId = tenantId, Country = code };
            db.CountryOverrides.Add(over);
        }

        over.PoliticalStability = request!.PoliticalStability;
        over.CurrencyRisk = request.CurrencyRisk;
        over.CommunicationRisk = request.CommunicationRisk;
        over.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        over.UpdatedAt = clock.GetUtcNow();
        over.UpdatedBy = user.FindFirst(TenantClaims.Email)?.Value ?? user.FindFirst(TenantClaims.Subject)?.Value ?? "unknown";
        await db.SaveChangesAsync(cancellationToken);
        await RequestRecomputeAsync(db, tenantId, jobs, http, cancellationToken);

        var snapshot = await reference.GetAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(code, snapshot.CountriesByIso2.GetValueOrDefault(code), snapshot, over, clock));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteOverride(
        string code, RiskDb db, ITenantContext tenant, IBackgroundJobClient jobs, HttpContext http, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        var deleted = await db.CountryOverrides.Where(o => o.Country == code).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }

        await RequestRecomputeAsync(db, tenant.RequiredTenantId, jobs, http, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Marks the tenant pending now; enqueues its recompute once the response (and so the commit) is done.</summary>
    private static async Task RequestRecomputeAsync(RiskDb db, Guid tenantId, IBackgroundJobClient jobs, HttpContext http, CancellationToken cancellationToken)
    {
        await RecomputeRequests.MarkPendingAsync(db, tenantId, cancellationToken);
        http.Response.OnCompleted(() =>
        {
            RecomputeRequests.Enqueue(jobs, tenantId, "country override");
            return Task.CompletedTask;
        });
    }

    private static void Range(ValidationErrors errors, string field, decimal? value)
    {
        if (value is < 0 or > 100)
        {
            errors.Add(field, "must be between 0 and 100.");
        }
    }

    private static CountryResponse ToResponse(string code, ReferenceCountry? c, ReferenceData.Snapshot snapshot, CountryOverride? over, TimeProvider clock)
    {
        var zones = (TzdbDateTimeZoneSource.Default.ZoneLocations ?? []).Where(l => l.CountryCode == code).Select(l => l.ZoneId).ToList();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var offsets = zones.Select(z => DateTimeZoneProviders.Tzdb[z].GetUtcOffset(now).Seconds / 3600.0).Distinct().Order().ToList();
        var name = c?.Name ?? (code.Length == 2 ? SafeRegionName(code) : code);
        return new CountryResponse(
            code,
            c?.Iso3,
            name,
            c?.PoliticalStability,
            c?.Lower90,
            c?.Upper90,
            c?.PoliticalStability is { } s && (double)s <= snapshot.BottomQuartile,
            code.Length == 2 ? IsoCodes.CurrencyOf(code) : null,
            code.Length == 2 ? IsoCodes.LanguagesOf(code) : [],
            zones,
            offsets,
            over is null ? null : new CountryOverrideResponse(over.PoliticalStability, over.CurrencyRisk, over.CommunicationRisk, over.Note, over.UpdatedAt, over.UpdatedBy));
    }

    private static string SafeRegionName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
