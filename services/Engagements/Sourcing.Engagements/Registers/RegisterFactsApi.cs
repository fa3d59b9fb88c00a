using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Http;
using Sourcing.ServiceDefaults.Auth;
using Sourcing.ServiceDefaults.Persistence;
using Sourcing.ServiceDefaults.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Registers;

/// <summary>
/// The facts the registers need that the product does not hold otherwise: the register's settings,
/// the group's entities and branches, per provider and per engagement. Tenant admins write them;
/// every member reads them.
/// </summary>
public static class RegisterFactsApi
{
    public static IEndpointRouteBuilder MapRegisterFactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/registers")
            .WithTags("Registers")
            .WithTenantTransaction<EngagementsDb, RouteGroupBuilder>();

        api.MapGet("settings", GetSettings).WithName("GetRegisterSettings")
            .WithSummary("The register's reporting entity, competent authority, consolidation and declared filing indicators (404 until set).")
            .RequireAuthorization(Policies.Read);
        api.MapPut("settings", PutSettings).WithName("PutRegisterSettings")
            .WithSummary("Sets the register's reporting entity (an LEI of the register's entities), competent authority, consolidation and declared filing indicators (tenant admins).")
            .RequireAuthorization(Policies.Admin);
        api.MapGet("entities", ListEntities).WithName("ListRegisterEntities")
            .WithSummary("The group's entities in the register (B_01.02), by LEI.")
            .RequireAuthorization(Policies.Read);
        api.MapPut("entities/{lei}", PutEntity).WithName("PutRegisterEntity")
            .WithSummary("Adds or replaces the group entity with this LEI (ISO 17442 check digits checked; tenant admins).")
            .RequireAuthorization(Policies.Admin);
        api.MapDelete("entities/{lei}", DeleteEntity).WithName("DeleteRegisterEntity")
            .WithSummary("Removes a group entity from the register (tenant admins).")
            .RequireAuthorization(Policies.Admin);
        api.MapGet("branches", ListBranches).WithName("ListRegisterBranches")
            .WithSummary("The branches of the group's entities (B_01.03).")
            .RequireAuthorization(Policies.Read);
        api.MapPut("branches/{code}", PutBranch).WithName("PutRegisterBranch")
            .WithSummary("Adds or replaces the branch with this code (tenant admins).")
            .RequireAuthorization(Policies.Admin);
        api.MapDelete("branches/{code}", DeleteBranch).WithName("DeleteRegisterBranch")
            .WithSummary("Removes a branch (tenant admins).")
            .RequireAuthorization(Policies.Admin);
        api.MapGet("providers/{providerId:guid}", GetProviderFacts).WithName("GetProviderRegisterFacts")
            .WithSummary("A provider's register facts (defaults until set).")
            .RequireAuthorization(Policies.Read);
        api.MapPut("providers/{providerId:guid}", PutProviderFacts).WithName("PutProviderRegisterFacts")
            .WithSummary("Sets a provider's other identifier, person type, ultimate parent and group membership (tenant admins).")
            .RequireAuthorization(Policies.Admin);
        api.MapGet("engagements/{engagementId:guid}", GetEngagementFacts).WithName("GetEngagementRegisterFacts")
            .WithSummary("An engagement's register facts (defaults until set).")
            .RequireAuthorization(Policies.Read);
        api.MapPut("engagements/{engagementId:guid}", PutEngagementFacts).WithName("PutEngagementRegisterFacts")
            .WithSummary("Sets an engagement's contract reference, ICT service type, functions, assessment and subcontracting chain (tenant admins).")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Results<Ok<RegisterSettingsResponse>, NotFound>> GetSettings(EngagementsDb db, CancellationToken cancellationToken) =>
        await db.RegisterSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } s
            ? TypedResults.Ok(RegisterSettingsResponse.From(s))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<RegisterSettingsResponse>, ValidationProblem>> PutSettings(
        RegisterSettingsRequest request, EngagementsDb db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var settings = await db.RegisterSettings.SingleOrDefaultAsync(cancellationToken);
        var isNew = settings is null;
        settings ??= new RegisterSettings { TenantId = tenant.RequiredTenantId };
        var errors = new ValidationErrors();
        if (!request.ValidateInto(settings, errors))
        {
            return errors.ToProblem();
        }

        if (isNew)
        {
            db.RegisterSettings.Add(settings);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RegisterSettingsResponse.From(settings));
    }

    public static async Task<Ok<List<RegisterEntityResponse>>> ListEntities(EngagementsDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.RegisterEntities.AsNoTracking().OrderBy(e => e.Lei).ToListAsync(cancellationToken)).ConvertAll(RegisterEntityResponse.From));

    public static async Task<Results<Ok<RegisterEntityResponse>, ValidationProblem>> PutEntity(
        string lei, RegisterEntityRequest request, EngagementsDb db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var key = errors.Lei("lei", lei);
        if (key is null)
        {
            if (!errors.Any)
            {
                errors.Add("lei", "is required.");
            }

            return errors.ToProblem();
        }

        var entity = await db.RegisterEntities.SingleOrDefaultAsync(e => e.Lei == key, cancellationToken);
        var isNew = entity is null;
        entity ??= new RegisterEntity { TenantId = tenant.RequiredTenantId, Lei = key };
        if (!request.ValidateInto(entity, errors, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            return errors.ToProblem();
        }

        if (isNew)
        {
            db.RegisterEntities.Add(entity);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RegisterEntityResponse.From(entity));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteEntity(string lei, EngagementsDb db, CancellationToken cancellationToken)
    {
        var key = lei.ToUpperInvariant();
        return await db.RegisterEntities.Where(e => e.Lei == key).ExecuteDeleteAsync(cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public static async Task<Ok<List<RegisterBranchResponse>>> ListBranches(EngagementsDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.RegisterBranches.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken)).ConvertAll(RegisterBranchResponse.From));

    public static async Task<Results<Ok<RegisterBranchResponse>, ValidationProblem>> PutBranch(
        string code, RegisterBranchRequest request, EngagementsDb db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!errors.Required("code", code, RegisterLimits.Code))
        {
            return errors.ToProblem();
        }

        var branch = await db.RegisterBranches.SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        var isNew = branch is null;
        branch ??= new RegisterBranch { TenantId = tenant.RequiredTenantId, Code = code };
        if (!request.ValidateInto(branch, errors))
        {
            return errors.ToProblem();
        }

        if (isNew)
        {
            db.RegisterBranches.Add(branch);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RegisterBranchResponse.From(branch));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteBranch(string code, EngagementsDb db, CancellationToken cancellationToken) =>
        await db.RegisterBranches.Where(b => b.Code == code).ExecuteDeleteAsync(cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<ProviderRegisterFactsResponse>, NotFound>> GetProviderFacts(Guid providerId, EngagementsDb db, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId && p.DeletedAt == null).Select(p => new { p.Lei }).SingleOrDefaultAsync(cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        var facts = await db.ProviderRegisterFacts.AsNoTracking().SingleOrDefaultAsync(f => f.ProviderId == providerId, cancellationToken)
            ?? new ProviderRegisterFacts { ProviderId = providerId };
        return TypedResults.Ok(ProviderRegisterFactsResponse.From(facts, provider.Lei));
    }

    public static async Task<Results<Ok<ProviderRegisterFactsResponse>, NotFound, ValidationProblem>> PutProviderFacts(
        Guid providerId, ProviderRegisterFactsRequest request, EngagementsDb db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId && p.DeletedAt == null).Select(p => new { p.Lei }).SingleOrDefaultAsync(cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        var facts = await db.ProviderRegisterFacts.SingleOrDefaultAsync(f => f.ProviderId == providerId, cancellationToken);
        var isNew = facts is null;
        facts ??= new ProviderRegisterFacts { TenantId = tenant.RequiredTenantId, ProviderId = providerId };
        var errors = new ValidationErrors();
        if (!request.ValidateInto(facts, errors))
        {
            return errors.ToProblem();
        }

        if (isNew)
        {
            db.ProviderRegisterFacts.Add(facts);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProviderRegisterFactsResponse.From(facts, provider.Lei));
    }

    public static async Task<Results<Ok<EngagementRegisterFactsResponse>, NotFound>> GetEngagementFacts(Guid engagementId, EngagementsDb db, CancellationToken cancellationToken)
    {
        if (!await db.Engagements.AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var facts = await db.EngagementRegisterFacts.AsNoTracking().SingleOrDefaultAsync(f => f.EngagementId == engagementId, cancellationToken)
            ?? DefaultFacts(Guid.Empty, engagementId);
        return TypedResults.Ok(EngagementRegisterFactsResponse.From(facts));
    }

    public static async Task<Results<Ok<EngagementRegisterFactsResponse>, NotFound, ValidationProblem>> PutEngagementFacts(
        Guid engagementId, EngagementRegisterFactsRequest request, EngagementsDb db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        if (!await db.Engagements.AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var facts = await db.EngagementRegisterFacts.SingleOrDefaultAsync(f => f.EngagementId == engagementId, cancellationToken);
        var isNew = facts is null;
        facts ??= DefaultFacts(tenant.RequiredTenantId, engagementId);
        var errors = new ValidationErrors();
        if (!request.ValidateInto(facts, errors) | !await ChainProvidersExist(db, request.Chain, errors, cancellationToken))
        {
            return errors.ToProblem();
        }

        if (isNew)
        {
            db.EngagementRegisterFacts.Add(facts);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EngagementRegisterFactsResponse.From(facts));
    }

    /// <summary>An engagement's facts before anyone set them: its id as the contract reference, a standalone arrangement.</summary>
    internal static EngagementRegisterFacts DefaultFacts(Guid tenantId, Guid engagementId) =>
        new() { TenantId = tenantId, EngagementId = engagementId, ContractReference = engagementId.ToString() };

    private static async Task<bool> ChainProvidersExist(EngagementsDb db, IReadOnlyList<ChainLinkRequest>? chain, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var links = (chain ?? []).Select((c, i) => (Index: i, Provider: c?.ProviderId, Recipient: c?.RecipientProviderId)).ToList();
        var ids = links.SelectMany(l => new[] { l.Provider, l.Recipient }).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return true;
        }

        var known = await db.Providers.Where(p => ids.Contains(p.Id) && p.DeletedAt == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var ok = true;
        foreach (var (index, provider, recipient) in links)
        {
            if (provider is { } p && !known.Contains(p))
            {
                errors.Add($"chain[{index}].providerId", $"no provider with id {p}.");
                ok = false;
            }

            if (recipient is { } r && !known.Contains(r))
            {
                errors.Add($"chain[{index}].recipientProviderId", $"no provider with id {r}.");
                ok = false;
            }
        }

        return ok;
    }
}
