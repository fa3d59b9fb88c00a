using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.Decisions;

/// <summary>Figures for sourcing decisions: the currency exposure of the annual cost, and the working hours shared with each delivery site.</summary>
public static class DecisionsApi
{
    public const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    public static void MapDecisionsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk")
            .WithTags("Decisions")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/currency-exposure", GetCurrencyExposure)
            .WithName("GetCurrencyExposure")
            .WithSummary("The annual cost of the active engagements by currency (contract values; captive centres' operating cost shared by headcount), converted to the reporting currency at the ECB reference rate in force on `date` (YYYY-MM-DD, default today in the tenant's time zone); each currency's share, annualised volatility against the reporting currency and whether it is volatile (volatility of 10 % or more: the geopolitical score's currency part 40 or more); the share of cost in volatile currencies; and the change of the annual cost if every foreign currency rose or fell by `move` percent (0 to 100, default 10). Engagements without a cost or a rate are listed as left out, with the reason.");
        group.MapGet("/working-hours", GetWorkingHours)
            .WithName("GetWorkingHours")
            .WithSummary("For `date` (YYYY-MM-DD, default today in the tenant's time zone), every delivery site of the active engagements (time zone and country, with its engagements): its 09:00-17:00 working day and the hours of it shared with HQ's and with each vendor manager's 09:00-17:00 day, daylight saving applied as on that date.");
    }

    private static async Task<Results<Ok<CurrencyExposureResponse>, ValidationProblem, NotFound>> GetCurrencyExposure(
        [StringLength(10), RegularExpression(DatePattern)] string? date,
        [Range(0, 100)] decimal? move,
        RiskDb db,
        ReferenceData reference,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = ParseDate(date, errors);
        var movePercent = move ?? (decimal)CurrencyExposure.DefaultMovePercent;
        if (movePercent is < 0 or > (decimal)CurrencyExposure.MaxMovePercent)
        {
            errors.Add("move", $"must be a percentage from 0 to {CurrencyExposure.MaxMovePercent} (was {movePercent.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        var evaluationDate = day ?? Today(tenant.Settings, clock);
        var active = await db.Engagements.AsNoTracking().Where(e => e.Status == EngagementValues.Active).ToListAsync(cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var costs = EngagementCosts.Native(active, centres);
        var snapshot = await reference.GetAsync(cancellationToken);
        return TypedResults.Ok(CurrencyExposure.Compute(
            [.. active.Select(e => new ExposureInput(e.Id, e.Name, costs[e.Id]))],
            tenant.Settings.ReportingCurrency,
            evaluationDate,
            snapshot.Rates,
            (a, b) => reference.Volatility(snapshot, a, b, evaluationDate),
            (double)movePercent));
    }

    private static async Task<Results<Ok<WorkingHoursResponse>, ValidationProblem, NotFound>> GetWorkingHours(
        [StringLength(10), RegularExpression(DatePattern)] string? date,
        RiskDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = ParseDate(date, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        var evaluationDate = LocalDate.FromDateOnly(day ?? Today(tenant.Settings, clock));
        var active = await db.Engagements.AsNoTracking().Where(e => e.Status == EngagementValues.Active).ToListAsync(cancellationToken);
        var managers = await db.Members.AsNoTracking().Where(m => m.Role == Roles.VendorManager).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var zones = await db.DigestSubscriptions.AsNoTracking().ToDictionaryAsync(s => s.UserId, s => s.TimeZone, cancellationToken);
        return TypedResults.Ok(WorkingHoursReport.Compute(
            tenant.Settings.TimeZone,
            evaluationDate,
            active,
            [.. managers.Select(m => new VendorManager(m.UserId, m.Name, zones.GetValueOrDefault(m.UserId)))]));
    }

    private static DateOnly? ParseDate(string? date, ValidationErrors errors)
    {
        if (date is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 1900 and <= 2999)
        {
            return parsed;
        }

        errors.Add("date", $"'{date}' is not a date: write it YYYY-MM-DD (e.g. 2025-03-17), a year from 1900 to 2999.");
        return null;
    }

    private static DateOnly Today(TenantSettings settings, TimeProvider clock)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZone) ?? DateTimeZone.Utc;
        return Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date.ToDateOnly();
    }
}
