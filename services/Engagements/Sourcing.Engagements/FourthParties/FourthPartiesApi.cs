using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.FourthParties;

/// <summary>
/// Fourth parties (issue 18): the portfolio's shared subcontractors and one provider's place in the
/// chains, read from the engagements' subcontracting chains (the register facts). Every member reads.
/// </summary>
public static class FourthPartiesApi
{
    public static IEndpointRouteBuilder MapFourthPartiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/fourth-parties")
            .WithTags("Fourth parties")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>()
            .MapGet("", GetPortfolio)
            .WithName("GetSharedFourthParties")
            .WithSummary("The portfolio's shared fourth parties on a date (default: today, UTC): each provider at rank 2 or more in an active engagement's chain, with the number and share of active engagements, and of active critical engagements, that depend on it, its ranks and the engagements behind the figures.")
            .RequireAuthorization(Policies.Read);
        app.MapGroup("api/providers")
            .WithTags("Fourth parties")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>()
            .MapGet("{id:guid}/fourth-parties", GetForProvider)
            .WithName("GetProviderFourthParties")
            .WithSummary("One provider's fourth parties on a date (default: today, UTC): the subcontractors in the chains of its active engagements, and the active engagements whose chains hold it, at which rank.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<FourthPartyPortfolioResponse>, ValidationProblem>> GetPortfolio(
        string? date, EngagementsDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var on = Date(errors, date, clock);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (active, providers) = await LoadAsync(db, on, cancellationToken);
        return TypedResults.Ok(new FourthPartyPortfolioResponse(
            on, active.Count, active.Count(e => e.Criticality == Criticalities.Critical), FourthPartyExposure.Shared(active, providers)));
    }

    public static async Task<Results<Ok<ProviderFourthPartiesResponse>, NotFound, ValidationProblem>> GetForProvider(
        Guid id, string? date, EngagementsDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var on = Date(errors, date, clock);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // The query filter and row-level security keep another tenant's provider out: it answers 404 like an unknown id.
        if (!await db.Providers.AnyAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (active, providers) = await LoadAsync(db, on, cancellationToken);
        var (chains, roles) = FourthPartyExposure.ForProvider(id, active, providers);
        return TypedResults.Ok(new ProviderFourthPartiesResponse(id, providers[id].LegalName, on, chains, roles));
    }

    private static DateOnly Date(ValidationErrors errors, string? value, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("date", $"'{value}' is not an ISO 8601 date (yyyy-MM-dd).");
        }

        return date;
    }

    private static async Task<(List<ChainedEngagement> Active, Dictionary<Guid, Providers.Provider> Providers)> LoadAsync(
        EngagementsDb db, DateOnly on, CancellationToken cancellationToken)
    {
        var engagements = (await db.Engagements.AsNoTracking().Where(e => e.Status != EngagementStatuses.Planned).ToListAsync(cancellationToken))
            .Where(e => FourthPartyExposure.ActiveOn(e, on)).ToList();
        var chains = await db.EngagementRegisterFacts.AsNoTracking().ToDictionaryAsync(f => f.EngagementId, f => f.Chain, cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LegalEntity, cancellationToken);
        var active = engagements.ConvertAll(e => new ChainedEngagement(
            e.Id,
            e.Name,
            e.ProviderId,
            e.CaptiveCentreId,
            e.ProviderId is { } p ? providers.GetValueOrDefault(p)?.LegalName ?? "" : e.CaptiveCentreId is { } c ? centres.GetValueOrDefault(c) ?? "" : "",
            e.Criticality,
            chains.GetValueOrDefault(e.Id) ?? []));
        return (active, providers);
    }
}
