using System.Globalization;
using Sourcing.Contracts;
using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Classification;

/// <summary>The facts DOMAIN.md classifies an engagement by.</summary>
public sealed record ClassificationFacts(
    string SourceKind,
    string PlaceOfWork,
    string Scope,
    string BusinessProcess,
    DateOnly? ContractStart,
    DateOnly? ContractEnd,
    string DeliveryCountry,
    string DeliveryTimeZone,
    string HqCountry,
    string HqTimeZone,
    int EvaluationYear);

/// <summary>
/// DOMAIN.md's classification table, read top to bottom (the first row that matches decides), with
/// the location grade and a reason in words. Pure: no I/O, no clock (the year is a fact).
/// </summary>
public static class EngagementClassifier
{
    private static readonly string[] Production = [BusinessProcesses.Manufacturing, BusinessProcesses.Logistics];

    public static EngagementClassification Classify(ClassificationFacts f)
    {
        var abroad = f.DeliveryCountry != f.HqCountry;
        var gap = TimeGap.MeanHours(f.DeliveryTimeZone, f.HqTimeZone, f.EvaluationYear);
        var grade = Grade(abroad, gap);
        var kind = Kind(f, abroad);
        return new EngagementClassification(
            kind, ClassificationKinds.Labels[kind], grade, Reason(f, abroad, grade, gap), gap, f.EvaluationYear);
    }

    /// <summary>DOMAIN's location grade: onshore in HQ's country, else nearshore within 3 h (inclusive) of HQ's time on average, else offshore.</summary>
    public static string Grade(bool abroad, decimal locationGapHours) =>
        !abroad ? LocationGrades.Onshore
        : locationGapHours <= TimeGap.NearshoreMaxHours ? LocationGrades.Nearshore
        : LocationGrades.Offshore;

    /// <summary>Long-term: 12 months or more, or open-ended. Without contract terms the term is unknown, so not long-term.</summary>
    public static bool IsLongTerm(DateOnly? start, DateOnly? end) =>
        start is not null && (end is null || Months(start.Value, end.Value) >= 12);

    /// <summary>Whole months from the start to the day after the (inclusive) end: 1 Jan 2025 to 31 Dec 2027 is 36.</summary>
    public static int Months(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var months = ((after.Year - start.Year) * 12) + after.Month - start.Month;
        return after.Day < start.Day ? months - 1 : months;
    }

    private static string Kind(ClassificationFacts f, bool abroad)
    {
        switch (f.SourceKind)
        {
            case SourceKinds.CaptiveCentre:
                return abroad ? ClassificationKinds.OffshoringCaptiveCentre : ClassificationKinds.InHouse;
            case SourceKinds.Partnership:
                return abroad ? ClassificationKinds.OffshoringPartnership : ClassificationKinds.DomesticPartnership;
        }

        if (f.PlaceOfWork == PlacesOfWork.TenantPremises)
        {
            return abroad ? ClassificationKinds.InsourcingAbroad : ClassificationKinds.Insourcing;
        }

        if (Production.Contains(f.BusinessProcess))
        {
            return abroad ? ClassificationKinds.OffshoreProductionOutsourcing : ClassificationKinds.ProductionOutsourcing;
        }

        if (f.Scope == EngagementScopes.WholeProcess && IsLongTerm(f.ContractStart, f.ContractEnd))
        {
            return abroad ? ClassificationKinds.OffshoreBpoOutsourcing : ClassificationKinds.BpoOutsourcing;
        }

        return abroad ? ClassificationKinds.OffshoreOutsourcing : ClassificationKinds.Outsourcing;
    }

    private static string Reason(ClassificationFacts f, bool abroad, string grade, decimal gap)
    {
        var who = f.SourceKind switch
        {
            SourceKinds.CaptiveCentre => "own captive centre",
            SourceKinds.Partnership => "partnership / joint venture",
            _ => f.PlaceOfWork == PlacesOfWork.TenantPremises ? "third-party provider on the tenant's premises" : "third-party provider",
        };
        var process = ProcessWords(f.BusinessProcess);
        var what = f.Scope == EngagementScopes.WholeProcess
            ? $"the whole {process} process"
            : $"{Article(process)} {process} task or project";
        var reason = $"{who} in {CountryNames.InSentence(f.DeliveryCountry)} doing {what} {Term(f.ContractStart, f.ContractEnd)}; "
            + $"HQ in {CountryNames.InSentence(f.HqCountry)}";
        if (abroad)
        {
            reason += $"; {grade}: {gap.ToString("0.##", CultureInfo.InvariantCulture)} h from HQ's time on average";
        }

        return reason;
    }

    private static string Term(DateOnly? start, DateOnly? end)
    {
        if (start is null)
        {
            return "with no contract terms recorded";
        }

        if (end is null)
        {
            return "on an open-ended contract";
        }

        var months = Months(start.Value, end.Value);
        var length = months > 0 && months % 12 == 0 ? $"{months / 12}-year" : $"{Math.Max(months, 0)}-month";
        return $"on {Article(length)} {length} contract";
    }

    internal static string ProcessWords(string process) => process switch
    {
        BusinessProcesses.CustomerService => "customer-service",
        BusinessProcesses.HrAndPayroll => "HR and payroll",
        BusinessProcesses.Accounting => "accounting",
        BusinessProcesses.ItServices => "IT services",
        BusinessProcesses.DataEntry => "data-entry",
        BusinessProcesses.Legal => "legal",
        BusinessProcesses.Marketing => "marketing",
        BusinessProcesses.Transcription => "transcription",
        BusinessProcesses.OtherService => "other service",
        BusinessProcesses.Manufacturing => "manufacturing",
        BusinessProcesses.Logistics => "logistics",
        _ => process,
    };

    private static string Article(string word) =>
        word.Length > 0 && ("aeiouAEIOU8".Contains(word[0], StringComparison.Ordinal) || word.StartsWith("11-", StringComparison.Ordinal)
            || word.StartsWith("18-", StringComparison.Ordinal) || word.StartsWith("HR", StringComparison.Ordinal))
            ? "an"
            : "a";
}
