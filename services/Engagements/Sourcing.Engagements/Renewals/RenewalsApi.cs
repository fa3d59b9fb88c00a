using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Renewals;

/// <summary>The contract renewal calendar: notice deadlines and contract ends by month.</summary>
public static class RenewalsApi
{
    /// <summary>The longest notice period a contract may have (EngagementRequest's rule), so the furthest a contract's end can lie past its notice deadline.</summary>
    private const int MaxNoticePeriodDays = 3650;

    public static IEndpointRouteBuilder MapRenewalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/engagements/renewals")
            .WithTags("Engagements")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();
        api.MapGet("", GetRenewalCalendar)
            .WithName("GetRenewalCalendar")
            .WithSummary("The contract renewal calendar of the tenant's planned and active engagements: for each month from `from` (YYYY-MM, default this month) for `months` months (1 to 24, default 12), the contracts whose notice deadline (contract end minus notice period, when the notice window opens) falls in it and those whose contract ends in it, with the renewal decision.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<RenewalCalendarAnswer>, ValidationProblem>> GetRenewalCalendar(
        [StringLength(7), RegularExpression("^[0-9]{4}-[0-9]{2}$")] string? from,
        [Range(1, RenewalCalendar.MaxMonths)] int? months,
        EngagementsDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        if (from is not null)
        {
            if (RenewalCalendar.ParseMonth(from.Trim()) is { } month)
            {
                first = month;
            }
            else
            {
                errors.Add("from", $"'{from}' is not a month: write it YYYY-MM (e.g. 2027-03), a year from 1900 to 2999.");
            }
        }

        var span = months ?? RenewalCalendar.DefaultMonths;
        if (span is < 1 or > RenewalCalendar.MaxMonths)
        {
            errors.Add("months", $"must be from 1 to {RenewalCalendar.MaxMonths}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var end = RenewalCalendar.EndOf(first, span);
        // A contract is in the span when its end is, or its notice deadline is: its end is at most the
        // longest notice period past the span. The exact dates are judged by RenewalCalendar.
        var furthest = end.AddDays(MaxNoticePeriodDays);
        var rows = await db.Engagements.AsNoTracking()
            .Where(e => e.Status != EngagementStatuses.Terminated && e.ContractStart != null && e.ContractEnd != null)
            .Where(e => e.ContractEnd >= first && e.ContractEnd < furthest)
            .Select(e => new
            {
                e.Id,
                e.Name,
                e.Status,
                e.ProviderId,
                e.CaptiveCentreId,
                End = e.ContractEnd!.Value,
                e.NoticePeriodDays,
                e.AutoRenewal,
                e.RenewalDecision,
                e.AnnualValue,
                e.Currency,
            })
            .ToListAsync(cancellationToken);

        var providerIds = rows.Where(r => r.ProviderId is not null).Select(r => r.ProviderId!.Value).Distinct().ToList();
        var centreIds = rows.Where(r => r.CaptiveCentreId is not null).Select(r => r.CaptiveCentreId!.Value).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.LegalName, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().Where(c => centreIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.LegalEntity, cancellationToken);

        var contracts = rows.Select(r => new RenewalContract(
            r.Id, r.Name, r.Status,
            r.ProviderId, r.ProviderId is { } p ? providers.GetValueOrDefault(p) : null,
            r.CaptiveCentreId, r.CaptiveCentreId is { } c ? centres.GetValueOrDefault(c) : null,
            r.End, r.NoticePeriodDays ?? 0, r.AutoRenewal ?? false, RenewalCalendar.DecisionOf(r.RenewalDecision), r.AnnualValue, r.Currency));
        return TypedResults.Ok(new RenewalCalendarAnswer(
            first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), span, RenewalCalendar.Build(contracts, first, span)));
    }
}

/// <summary>The calendar from its first month, for its number of months, every month listed (empty ones too).</summary>
public sealed record RenewalCalendarAnswer(string From, int Months, IReadOnlyList<RenewalMonth> Calendar);
