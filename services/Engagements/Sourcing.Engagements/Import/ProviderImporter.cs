using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sourcing.Engagements.Audit;
using Sourcing.Engagements.Data;
using Sourcing.Engagements.Providers;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Import;

/// <summary>Rows of the providers CSV: validated by the API's rules; a row with an id replaces that provider (its subcontractors kept).</summary>
internal sealed class ProviderImporter(EngagementsDb db, TimeProvider clock) : IImporter
{
    private readonly Dictionary<CsvRow, (Provider Provider, Dictionary<string, string?>? Before)> _plan = [];
    private readonly HashSet<Guid> _seen = [];
    private readonly HashSet<object> _pending = new(ReferenceEqualityComparer.Instance);
    private Dictionary<Guid, Provider> _existing = [];
    private DateTimeOffset _now;

    public async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>?> PrepareAsync(
        List<CsvRow> rows, HttpContext http, CancellationToken cancellationToken)
    {
        _now = clock.GetUtcNow();
        var ids = rows.Select(r => System.Guid.TryParse(r.Text("id"), out var id) ? id : System.Guid.Empty).Where(id => id != System.Guid.Empty).ToList();
        _existing = await db.Providers.Where(p => ids.Contains(p.Id) && p.DeletedAt == null).ToDictionaryAsync(p => p.Id, cancellationToken);
        return null;
    }

    public void Validate(CsvRow row)
    {
        var id = row.Id("id");
        Provider provider;
        Dictionary<string, string?>? before = null;
        if (id is { } existingId)
        {
            if (!_seen.Add(existingId))
            {
                row.Fail("id", "appears on an earlier row too.");
                return;
            }

            if (!_existing.TryGetValue(existingId, out provider!))
            {
                row.Fail("id", "no provider with this id (leave it empty to add a provider).");
                return;
            }

            before = provider.Snapshot();
        }
        else
        {
            provider = new Provider { TenantId = db.CurrentTenantId, Id = System.Guid.CreateVersion7(_now), Version = 1, CreatedAt = _now, UpdatedAt = _now };
        }

        var request = CsvSchemas.ToProviderRequest(row, provider.Subcontractors);
        if (row.Errors.Count > 0)
        {
            return;
        }

        var errors = new ValidationErrors();
        if (!request.ValidateInto(provider, errors))
        {
            CsvSchemas.AddTo(row, errors);
            return;
        }

        _plan[row] = (provider, before);
        _pending.Add(provider);
    }

    public bool IsPending(object entity) => _pending.Contains(entity);

    public bool Write(CsvRow row, Actor actor)
    {
        var (provider, before) = _plan[row];
        _pending.Remove(provider);
        if (before is null)
        {
            ProvidersApi.Register(db, provider, actor, _now);
            return true;
        }

        ProvidersApi.ApplyChange(db, provider, before, actor, _now);
        return false;
    }
}
