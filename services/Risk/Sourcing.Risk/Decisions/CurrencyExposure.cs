using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Decisions;

/// <summary>One engagement's annual cost as the exposure sees it: its name and its cost in the currency it is paid in.</summary>
public sealed record ExposureInput(Guid EngagementId, string Name, NativeCost Cost);

/// <summary>An engagement behind a currency line: its annual cost in that currency and in the reporting currency.</summary>
public sealed record ExposedEngagement(Guid EngagementId, string Name, decimal Amount, decimal Cost);

/// <summary>An active engagement the figures leave out, and why (no cost recorded, a cost of 0, a currency without a rate).</summary>
public sealed record LeftOutEngagement(Guid EngagementId, string Name, string Reason);

/// <summary>
/// One currency of the tenant's annual cost: the amount in the currency, converted at the ECB rate
/// (reporting-currency units per unit, of <see cref="RateDate"/>), its share of the total, its
/// annualised volatility against the reporting currency and DOMAIN.md's currency part of the
/// geopolitical score from it, whether it is volatile, and the change of the annual cost in the
/// reporting currency if it rose (<see cref="ChangeUp"/>) or fell (<see cref="ChangeDown"/>) by the move.
/// </summary>
public sealed record CurrencyExposureLine(
    string Currency,
    decimal Amount,
    decimal Cost,
    decimal Rate,
    DateOnly RateDate,
    decimal SharePercent,
    decimal? VolatilityPercent,
    decimal CurrencyRisk,
    bool Volatile,
    string VolatilityDetail,
    decimal ChangeUp,
    decimal ChangeDown,
    IReadOnlyList<ExposedEngagement> Engagements);

/// <summary>The tenant's annual cost by currency on a date, with the effect of a move of every foreign currency.</summary>
public sealed record CurrencyExposureResponse(
    DateOnly Date,
    string ReportingCurrency,
    decimal MovePercent,
    decimal VolatileFromPercent,
    decimal TotalCost,
    decimal VolatileCost,
    decimal VolatileSharePercent,
    decimal ForeignCost,
    decimal TotalChangeUp,
    decimal TotalChangeDown,
    decimal TotalChangeUpPercent,
    IReadOnlyList<CurrencyExposureLine> Currencies,
    IReadOnlyList<LeftOutEngagement> LeftOut);

/// <summary>
/// The currency exposure of a tenant's annual cost (issue 19, part 3). Costs follow the dependency
/// score's rules (<see cref="EngagementCosts"/>), converted at the ECB reference rate of the latest
/// date on or before the evaluation date (<see cref="CurrencyRates.Convert"/>). A currency is
/// <em>volatile</em> when DOMAIN.md's currency part of the geopolitical score, min(100, 100 x s /
/// 0.25), is at least <see cref="VolatileFrom"/> (40), i.e. its annualised volatility s against the
/// reporting currency is at least 10 %; a currency without enough rates to measure it counts 50
/// there, as in the score, and so is volatile. A move of +m % means each foreign currency buys m %
/// more of the reporting currency, so its cost in the reporting currency rises by m % of its cost;
/// -m % the opposite. The reporting currency's own cost does not move.
/// </summary>
public static class CurrencyExposure
{
    public const double VolatileFrom = 40;
    public const double DefaultMovePercent = 10;
    public const double MaxMovePercent = 100;

    public static CurrencyExposureResponse Compute(
        IReadOnlyList<ExposureInput> engagements,
        string reportingCurrency,
        DateOnly date,
        CurrencyRates rates,
        Func<string, string, (double Volatility, DateOnly End, int Returns)?> volatility,
        double movePercent)
    {
        var leftOut = new List<LeftOutEngagement>();
        var costed = new List<(ExposureInput Input, string Currency, double Amount)>();
        foreach (var e in engagements)
        {
            if (e.Cost is not { Amount: { } amount, Currency: { } currency })
            {
                leftOut.Add(new LeftOutEngagement(e.EngagementId, e.Name, $"no cost recorded: {e.Cost.What}"));
            }
            else if (amount == 0)
            {
                leftOut.Add(new LeftOutEngagement(e.EngagementId, e.Name, $"the annual cost recorded is 0 ({e.Cost.What})"));
            }
            else if (currency != reportingCurrency && rates.Convert(1, currency, reportingCurrency, date) is null)
            {
                var what = currency.Length == 0 ? "an unknown currency" : currency;
                leftOut.Add(new LeftOutEngagement(e.EngagementId, e.Name, $"no ECB reference rate for {what} against {reportingCurrency} on or before {date:yyyy-MM-dd}"));
            }
            else
            {
                costed.Add((e, currency, amount));
            }
        }

        var move = movePercent / 100;
        var lines = new List<(string Currency, double Amount, double Cost, double Rate, DateOnly RateDate, double? Volatility, double Risk, string Detail, List<ExposedEngagement> Engagements)>();
        foreach (var group in costed.GroupBy(c => c.Currency, StringComparer.Ordinal))
        {
            var converted = rates.Convert(1, group.Key, reportingCurrency, date)!.Value;
            var amount = group.Sum(c => c.Amount);
            var cost = amount * converted.Rate;
            double? s = null;
            double risk;
            string detail;
            if (group.Key == reportingCurrency)
            {
                risk = 0;
                detail = "the reporting currency";
            }
            else if (volatility(group.Key, reportingCurrency) is { } v)
            {
                s = v.Volatility;
                risk = GeopoliticalScore.CurrencyPart(v.Volatility);
                detail = $"{v.Returns} daily returns of {group.Key} against {reportingCurrency} to {v.End:yyyy-MM-dd}";
            }
            else
            {
                risk = GeopoliticalScore.MissingValue;
                detail = $"too few rates to measure {group.Key} against {reportingCurrency}: counted as {GeopoliticalScore.MissingValue}, as in the geopolitical score";
            }

            var list = group.OrderByDescending(c => c.Amount).ThenBy(c => c.Input.Name, StringComparer.Ordinal)
                .Select(c => new ExposedEngagement(c.Input.EngagementId, c.Input.Name, Money(c.Amount), Money(c.Amount * converted.Rate))).ToList();
            lines.Add((group.Key, amount, cost, converted.Rate, converted.RateDate, s, risk, detail, list));
        }

        var total = lines.Sum(l => l.Cost);
        var volatileCost = lines.Where(l => l.Risk >= VolatileFrom).Sum(l => l.Cost);
        var foreign = lines.Where(l => l.Currency != reportingCurrency).Sum(l => l.Cost);
        var currencies = lines.OrderByDescending(l => l.Cost).ThenBy(l => l.Currency, StringComparer.Ordinal).Select(l =>
        {
            var change = l.Currency == reportingCurrency ? 0 : l.Cost * move;
            return new CurrencyExposureLine(
                l.Currency,
                Money(l.Amount),
                Money(l.Cost),
                (decimal)Math.Round(l.Rate, 6),
                l.RateDate,
                Percent(total > 0 ? l.Cost / total : 0),
                l.Volatility is { } s ? Percent(s) : null,
                (decimal)Math.Round(l.Risk, 2),
                l.Risk >= VolatileFrom,
                l.Detail,
                Money(change),
                Money(-change),
                l.Engagements);
        }).ToList();

        return new CurrencyExposureResponse(
            date,
            reportingCurrency,
            (decimal)movePercent,
            (decimal)(VolatileFrom * GeopoliticalScore.FullVolatility),
            Money(total),
            Money(volatileCost),
            Percent(total > 0 ? volatileCost / total : 0),
            Money(foreign),
            Money(foreign * move),
            Money(-foreign * move),
            Percent(total > 0 ? foreign * move / total : 0),
            currencies,
            [.. leftOut.OrderBy(l => l.Name, StringComparer.Ordinal)]);
    }

    private static decimal Money(double amount) => (decimal)Math.Round(amount, 2);

    private static decimal Percent(double fraction) => (decimal)Math.Round(100 * fraction, 2);
}
