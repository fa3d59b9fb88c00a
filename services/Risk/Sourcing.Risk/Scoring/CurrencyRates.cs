namespace Sourcing.Risk.Scoring;

/// <summary>
/// The ECB reference rates (units of each currency per euro, one row per business day). Converts
/// amounts at the latest date on or before a date, and gives the annualised volatility of a cross
/// rate as DOMAIN.md defines it.
/// </summary>
public sealed class CurrencyRates
{
    public const string Euro = "EUR";
    public const int VolatilityWindowDays = 365;
    public const double TradingDays = 252;

    private readonly DateOnly[] _dates;
    private readonly Dictionary<string, double?[]> _rates;

    public CurrencyRates(IReadOnlyList<DateOnly> dates, IReadOnlyDictionary<string, double?[]> rates)
    {
        _dates = [.. dates];
        _rates = rates.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        for (var i = 1; i < _dates.Length; i++)
        {
            if (_dates[i] <= _dates[i - 1])
            {
                throw new ArgumentException("Dates must be ascending.", nameof(dates));
            }
        }
    }

    public bool Knows(string currency) => currency == Euro || _rates.ContainsKey(currency);

    /// <summary>Index of the latest date on or before <paramref name="date"/>, or -1.</summary>
    public int LastIndexOnOrBefore(DateOnly date)
    {
        var i = Array.BinarySearch(_dates, date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Units of the currency per euro on day index i (EUR is 1), or null.</summary>
    public double? Rate(string currency, int i) =>
        currency == Euro ? 1.0 : _rates.TryGetValue(currency, out var series) ? series[i] : null;

    /// <summary>
    /// The amount in <paramref name="to"/>, at the rates of the latest date on or before
    /// <paramref name="date"/> where both currencies have one; null (with no rate) otherwise.
    /// </summary>
    public (double Amount, DateOnly RateDate, double Rate)? Convert(double amount, string from, string to, DateOnly date)
    {
        if (from == to)
        {
            return (amount, date, 1.0);
        }

        if (!Knows(from) || !Knows(to))
        {
            return null;
        }

        for (var i = LastIndexOnOrBefore(date); i >= 0; i--)
        {
            if (Rate(from, i) is { } a && Rate(to, i) is { } b && a > 0)
            {
                var cross = b / a;
                return (amount * cross, _dates[i], cross);
            }
        }

        return null;
    }

    /// <summary>
    /// Sample standard deviation (n - 1) of the log returns of A per B between consecutive rows where
    /// both have a rate, x sqrt(252), over the rows dated after end - 365 days and on or before end,
    /// end being the latest date on or before <paramref name="evaluationDate"/>. Null when either
    /// currency is unknown or fewer than two returns exist.
    /// </summary>
    public (double Volatility, DateOnly End, int Returns)? Volatility(string a, string b, DateOnly evaluationDate)
    {
        if (!Knows(a) || !Knows(b))
        {
            return null;
        }

        var endIndex = LastIndexOnOrBefore(evaluationDate);
        if (endIndex < 0)
        {
            return null;
        }

        var end = _dates[endIndex];
        var start = end.AddDays(-VolatilityWindowDays);
        var returns = new List<double>();
        double? previous = null;
        for (var i = endIndex; i >= 0 && _dates[i] > start; i--)
        {
            if (Rate(a, i) is { } ra && Rate(b, i) is { } rb && ra > 0 && rb > 0)
            {
                var cross = ra / rb;
                if (previous is { } later)
                {
                    returns.Add(Math.Log(later / cross));
                }

                previous = cross;
            }
        }

        if (returns.Count < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        return (Math.Sqrt(variance) * Math.Sqrt(TradingDays), end, returns.Count);
    }
}
