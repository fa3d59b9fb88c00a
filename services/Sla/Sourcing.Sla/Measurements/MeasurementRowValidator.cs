using System.Globalization;
using Sourcing.Contracts;
using Sourcing.Sla.Definitions;
using Sourcing.Sla.Engagements;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// The rules every measurement row obeys, whatever it came in: an SLA of this engagement that is
/// still active; a date (any day of the period) neither in the future nor in a period that ends
/// before the contract starts, nor after a terminated engagement's end; a finite number.
/// </summary>
public sealed class MeasurementRowValidator(KnownEngagement engagement, IReadOnlyDictionary<Guid, SlaDefinition> slas, DateOnly today)
{
    public List<(string? Field, string Rule)>? Validate(RawMeasurement row, out StagedMeasurement staged)
    {
        staged = default;
        var problems = row.Problems is null ? null : new List<(string? Field, string Rule)>(row.Problems);
        if (problems?.Any(p => p.Field is null) == true)
        {
            return problems;
        }

        bool Has(string field) => problems?.Any(p => p.Field == field) == true;
        void Add(string field, string rule) => (problems ??= []).Add((field, rule));

        SlaDefinition? sla = null;
        if (!Has("slaId"))
        {
            if (row.SlaGuid is null && string.IsNullOrWhiteSpace(row.SlaId))
            {
                Add("slaId", "is required.");
            }
            else if (!(row.SlaGuid is { } parsed || Guid.TryParse(row.SlaId, out parsed)) || !slas.TryGetValue(parsed, out sla))
            {
                Add("slaId", $"'{Shorten(row.SlaId ?? row.SlaGuid.ToString()!)}' is not an SLA of this engagement.");
            }
            else if (sla.Status == SlaStatuses.Retired)
            {
                Add("slaId", "the SLA is retired: it takes no new measurements.");
                sla = null;
            }
        }

        SlaPeriod period = default;
        var periodOk = false;
        if (!Has("period"))
        {
            if (row.Date is null && string.IsNullOrWhiteSpace(row.Period))
            {
                Add("period", "is required (a date yyyy-MM-dd in the period).");
            }
            else if (!(row.Date is { } date || DateOnly.TryParseExact(row.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)))
            {
                Add("period", $"'{Shorten(row.Period ?? "")}' is not a date yyyy-MM-dd.");
            }
            else if (date > today)
            {
                Add("period", $"{date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
            }
            else if (sla is not null)
            {
                period = SlaRules.PeriodOf(sla.Period, date);
                if (engagement.ContractStart is { } start && period.End < start)
                {
                    Add("period", $"the {sla.Period} period {period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd} is before the contract start {start:yyyy-MM-dd}.");
                }
                else if (engagement.End is { } end && period.Start > end)
                {
                    Add("period", $"the {sla.Period} period {period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd} is after the engagement's end {end:yyyy-MM-dd} (it is terminated).");
                }
                else
                {
                    periodOk = true;
                }
            }
        }

        decimal value = 0;
        var valueOk = false;
        if (!Has("value"))
        {
            if (row.ValueNumber is { } number)
            {
                value = number;
                valueOk = true;
            }
            else if (string.IsNullOrWhiteSpace(row.ValueText))
            {
                Add("value", "is required (a number).");
            }
            else if (!decimal.TryParse(row.ValueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                Add("value", IsNonFinite(row.ValueText)
                    ? $"'{Shorten(row.ValueText)}' is not a finite number (NaN and Infinity are refused)."
                    : $"'{Shorten(row.ValueText)}' is not a number.");
            }
            else
            {
                valueOk = true;
            }
        }

        if (problems is not null || sla is null || !periodOk || !valueOk)
        {
            return problems ?? [];
        }

        staged = new StagedMeasurement(
            row.Position, sla.Id, period, value, SlaRules.IsMet(sla.Direction, sla.Target, value), SlaRules.RelativeShortfall(sla.Direction, sla.Target, value));
        return null;
    }

    /// <summary>Whether a text is a plain finite number (so a JSON string holding one is told to send a number).</summary>
    public static bool IsFiniteNumberText(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsNonFinite(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsFinite(d)
        || text.Trim().Equals("nan", StringComparison.OrdinalIgnoreCase)
        || text.Trim().TrimStart('+', '-').StartsWith("inf", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
