using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Risk.Countries;
using Sourcing.Risk.Data;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Recompute;
using Sourcing.Risk.Scoring;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Risk.WhatIf;

/// <summary>What-if questions over the tenant's read model: nothing is written.</summary>
public static class WhatIfApi
{
    public const string ProviderFailure = "provider";
    public const string CountryFailure = "country";

    public static void MapWhatIfApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk/what-if")
            .WithTags("What if")
            .RequireAuthorization(Policies.Read)
            .WithTenantTransaction<RiskDb, RouteGroupBuilder>();
        group.MapGet("/failure", Failure)
            .WithName("GetFailureWhatIf")
            .WithSummary("If one provider, captive centre (or partnership), or every source in one country failed (give exactly one of providerId, captiveCentreId, country): the active engagements that stop, the processes left with no other source, the spend, headcount, critical engagements and SLAs stranded, and every remaining engagement's dependency score before and after, largest change first.");
    }

    private static async Task<Results<Ok<FailureWhatIfResponse>, ValidationProblem, NotFound>> Failure(
        Guid? providerId, Guid? captiveCentreId, string? country, RiskDb db, ReferenceData referenceData, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        var errors = new ValidationErrors();
        var given = (providerId is null ? 0 : 1) + (captiveCentreId is null ? 0 : 1) + (code is null ? 0 : 1);
        if (given != 1)
        {
            var rule = given == 0 ? "give exactly one of providerId, captiveCentreId or country (none was given)." : "give exactly one of providerId, captiveCentreId or country, not several.";
            foreach (var (field, present) in new[] { ("providerId", providerId is not null), ("captiveCentreId", captiveCentreId is not null), ("country", code is not null) })
            {
                if (given == 0 || present)
                {
                    errors.Add(field, rule);
                }
            }
        }
        else if (code is not null && !IsoCodes.IsCountry(code))
        {
            errors.Add("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var inputs = await LoadAsync(db, referenceData, clock, cancellationToken);
        if (inputs is null)
        {
            return TypedResults.NotFound();
        }

        if (providerId is { } p)
        {
            return inputs.Providers.TryGetValue(p, out var provider)
                ? TypedResults.Ok(FailureWhatIf.Compute(inputs, ProviderFailure, p.ToString(), provider.LegalName, e => e.ProviderId == p))
                : TypedResults.NotFound();
        }

        if (captiveCentreId is { } c)
        {
            return inputs.Centres.TryGetValue(c, out var centre)
                ? TypedResults.Ok(FailureWhatIf.Compute(inputs, centre.Kind, c.ToString(), centre.LegalEntity, e => e.CaptiveCentreId == c))
                : TypedResults.NotFound();
        }

        var name = inputs.Reference.CountriesByIso2.GetValueOrDefault(code!)?.Name ?? code!;
        return TypedResults.Ok(FailureWhatIf.Compute(inputs, CountryFailure, code!, name, e => e.DeliveryCountry == code));
    }

    /// <summary>
    /// The inputs the dependency score and the what-if read (the query filter and row-level security
    /// keep them to the caller's tenant): settings, engagements, sources, SLAs and the reference rates,
    /// at today's date as the recompute takes it. SLA window figures, overrides and volatility feed
    /// only the quality and geopolitical scores, so they are left empty.
    /// </summary>
    private static async Task<TenantInputs?> LoadAsync(RiskDb db, ReferenceData referenceData, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return null;
        }

        var engagements = await db.Engagements.AsNoTracking().Where(e => e.Status != EngagementValues.Terminated).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var centres = await db.CaptiveCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var slas = await db.Slas.AsNoTracking().Where(s => s.Status != SlaStatuses.Retired).ToListAsync(cancellationToken);
        var reference = await referenceData.GetAsync(cancellationToken);
        return new TenantInputs(
            tenant.TenantId,
            tenant.Settings,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            engagements,
            providers,
            centres,
            slas,
            new Dictionary<Guid, SlaFigures>(),
            new Dictionary<string, CountryOverrideValues>(),
            reference,
            (_, _) => null);
    }
}
