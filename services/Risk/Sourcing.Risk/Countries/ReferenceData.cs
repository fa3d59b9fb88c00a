using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sourcing.Risk.Data;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Countries;

/// <summary>
/// The reference tables in memory (they change only with a new release of the data files): the
/// countries by alpha-2, the bottom-quartile bound, the rates, and a cache of the volatilities
/// already computed (the same pair and end date give the same figure for every tenant).
/// </summary>
public sealed class ReferenceData(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<(string, string, DateOnly), (double Volatility, DateOnly End, int Returns)?> _volatility = new();
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyDictionary<string, ReferenceCountry> CountriesByIso2,
        IReadOnlyList<ReferenceCountry> Countries,
        double BottomQuartile,
        CurrencyRates Rates);

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RiskDb>();
            var countries = await db.ReferenceCountries.AsNoTracking().OrderBy(c => c.Iso3).ToListAsync(cancellationToken);
            var rates = await db.ExchangeRates.AsNoTracking().ToListAsync(cancellationToken);
            var dates = rates.Select(r => r.Date).Distinct().Order().ToList();
            var index = dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
            var series = new Dictionary<string, double?[]>(StringComparer.Ordinal);
            foreach (var rate in rates)
            {
                if (!series.TryGetValue(rate.Currency, out var values))
                {
                    values = new double?[dates.Count];
                    series[rate.Currency] = values;
                }

                values[index[rate.Date]] = (double)rate.Rate;
            }

            _snapshot = new Snapshot(
                countries.Where(c => c.Iso2 is not null).GroupBy(c => c.Iso2!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
                countries,
                GeopoliticalScore.BottomQuartile(countries.Where(c => c.PoliticalStability is not null).Select(c => (double)c.PoliticalStability!.Value)),
                new CurrencyRates(dates, series));
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public (double Volatility, DateOnly End, int Returns)? Volatility(Snapshot snapshot, string a, string b, DateOnly evaluationDate) =>
        _volatility.GetOrAdd((a, b, evaluationDate), key => snapshot.Rates.Volatility(key.Item1, key.Item2, key.Item3));
}
