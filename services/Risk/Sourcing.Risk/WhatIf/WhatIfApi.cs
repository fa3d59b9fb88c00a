using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Risk.Data;
using Sourcing.Risk.Recompute;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
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
        Guid? providerId, Guid? captiveCentreId, string? country, TenantRecompute recompute, ITenantContext tenant, CancellationToken cancellationToken)
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

        var inputs = await recompute.LoadInputsAsync(tenant.RequiredTenantId, cancellationToken);
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
}
