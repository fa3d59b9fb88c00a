using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Engagements;
using Sourcing.Engagements.Tenancy;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Import;

/// <summary>
/// Rows of the engagements CSV, validated by the API's rules. providerId and captiveCentreId take
/// an id or the exact legal name (of the tenant's own providers and centres only); a row with an id
/// replaces that engagement.
/// </summary>
internal sealed class EngagementImporter(EngagementsDb db, TimeProvider clock) : IImporter
{
    private readonly Dictionary<CsvRow, (Engagement Engagement, Dictionary<string, string?>? Before)> _plan = [];
    private readonly HashSet<Guid> _seen = [];
    private readonly HashSet<object> _pending = new(ReferenceEqualityComparer.Instance);
    private Dictionary<Guid, Engagement> _existing = [];
    private List<(Guid Id, string Name, string Country)> _providers = [];
    private List<(Guid Id, string Name, string Country, string Kind)> _centres = [];
    private TenantProfile _tenant = null!;
    private DateTimeOffset _now;

    public async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>?> PrepareAsync(
        List<CsvRow> rows, HttpContext http, CancellationToken cancellationToken)
    {
        _now = clock.GetUtcNow();
        if (await db.Tenants.SingleOrDefaultAsync(cancellationToken) is not { } tenant)
        {
            return EngagementsApi.TenantNotKnownYet();
        }

        _tenant = tenant;
        var ids = rows.Select(r => Guid.TryParse(r.Text("id"), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        _existing = await db.Engagements.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        _providers = [.. (await db.Providers.Where(p => p.DeletedAt == null).Select(p => new { p.Id, p.LegalName, p.HqCountry }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.LegalName, p.HqCountry))];
        var centres = await db.CaptiveCentres.ToListAsync(cancellationToken);
        _centres = [.. centres.Select(c => (c.Id, c.LegalEntity, c.Country, c.Kind))];
        return null;
    }

    public void Validate(CsvRow row)
    {
        var id = row.Id("id");
        Engagement engagement;
        Dictionary<string, string?>? before = null;
        if (id is { } existingId)
        {
            if (!_seen.Add(existingId))
            {
                row.Fail("id", "appears on an earlier row too.");
                return;
            }

            if (!_existing.TryGetValue(existingId, out engagement!))
            {
                row.Fail("id", "no engagement with this id (leave it empty to add an engagement).");
                return;
            }

            before = engagement.Snapshot();
        }
        else
        {
            engagement = new Engagement { TenantId = db.CurrentTenantId, Id = Guid.CreateVersion7(_now), Version = 1, CreatedAt = _now, UpdatedAt = _now };
        }

        var provider = Find(row, "providerId", _providers.Select(p => (p.Id, p.Name)), "provider");
        var centre = Find(row, "captiveCentreId", _centres.Select(c => (c.Id, c.Name)), "captive centre or partnership");
        ResolvedSource? source = null;
        if (provider is { } pid && centre is null)
        {
            source = new ResolvedSource(SourceKinds.Provider, _providers.Single(p => p.Id == pid).Country);
        }
        else if (centre is { } cid && provider is null)
        {
            var c = _centres.Single(c => c.Id == cid);
            source = new ResolvedSource(c.Kind, c.Country);
        }

        var request = CsvSchemas.ToEngagementRequest(row, provider, centre);
        if (row.Errors.Count > 0)
        {
            return;
        }

        var errors = new ValidationErrors();
        if (!request.ValidateInto(engagement, errors, source, DateOnly.FromDateTime(_now.UtcDateTime)))
        {
            CsvSchemas.AddTo(row, errors);
            if (!errors.Any && source is null)
            {
                row.Fail("providerId", "one of providerId or captiveCentreId is required.");
            }

            return;
        }

        _plan[row] = (engagement, before);
        _pending.Add(engagement);
    }

    public bool IsPending(object entity) => _pending.Contains(entity);

    public bool Write(CsvRow row, Actor actor)
    {
        var (engagement, before) = _plan[row];
        _pending.Remove(engagement);
        if (before is null)
        {
            EngagementWrites.Create(db, engagement, _tenant, actor, _now);
            return true;
        }

        EngagementWrites.Change(db, engagement, before, _tenant, actor, _now);
        return false;
    }

    /// <summary>An id, or a name matching exactly one record (ignoring case); null with an error otherwise, or when empty.</summary>
    private static Guid? Find(CsvRow row, string column, IEnumerable<(Guid Id, string Name)> candidates, string what)
    {
        if (row.Text(column) is not { } text)
        {
            return null;
        }

        var list = candidates.ToList();
        if (Guid.TryParse(text, out var id))
        {
            if (list.Any(c => c.Id == id))
            {
                return id;
            }

            row.Fail(column, $"no {what} with this id.");
            return null;
        }

        var named = list.Where(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        switch (named.Count)
        {
            case 1:
                return named[0].Id;
            case 0:
                row.Fail(column, $"no {what} with this id or name.");
                return null;
            default:
                row.Fail(column, $"{named.Count} {what} records have this name: give the id.");
                return null;
        }
    }
}
