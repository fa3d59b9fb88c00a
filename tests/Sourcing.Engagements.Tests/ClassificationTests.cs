using Sourcing.Contracts;
using Sourcing.Engagements.Classification;
using Sourcing.Engagements.Engagements;

namespace Sourcing.Engagements.Tests;

/// <summary>DOMAIN.md's classification table, one case per cell (row x HQ country / another country), and the location grade's edges.</summary>
public sealed class ClassificationTests
{
    private const int Year = 2026;
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly ThreeYears = new(2028, 12, 31);
    private static readonly DateOnly SixMonths = new(2026, 6, 30);

    private static ClassificationFacts Facts(
        string source = SourceKinds.Provider,
        string place = PlacesOfWork.ProviderPremises,
        string scope = EngagementScopes.WholeProcess,
        string process = BusinessProcesses.CustomerService,
        DateOnly? start = null,
        DateOnly? end = null,
        bool openEnded = false,
        string country = "PH",
        string zone = "Asia/Manila",
        string hq = "US",
        string hqZone = "America/New_York") =>
        new(source, place, scope, process, start ?? Start, openEnded ? null : end ?? ThreeYears, country, zone, hq, hqZone, Year);

    public static TheoryData<string, ClassificationFacts, string> Table => new()
    {
        // Row 1: third party on the tenant's premises (wins over everything below).
        { "on-site third party, home", Facts(place: PlacesOfWork.TenantPremises, country: "US", zone: "America/Chicago"), ClassificationKinds.Insourcing },
        { "on-site third party, abroad", Facts(place: PlacesOfWork.TenantPremises), ClassificationKinds.InsourcingAbroad },
        // Row 2: business service, whole process, long-term.
        { "BPO, home", Facts(country: "US", zone: "America/Chicago"), ClassificationKinds.BpoOutsourcing },
        { "BPO, abroad", Facts(), ClassificationKinds.OffshoreBpoOutsourcing },
        { "BPO, open-ended counts as long-term", Facts(openEnded: true), ClassificationKinds.OffshoreBpoOutsourcing },
        // Row 3: business service otherwise (a task, or short-term).
        { "task, home", Facts(scope: EngagementScopes.Task, country: "US", zone: "America/Chicago"), ClassificationKinds.Outsourcing },
        { "short whole process, abroad", Facts(end: SixMonths), ClassificationKinds.OffshoreOutsourcing },
        { "task, abroad", Facts(scope: EngagementScopes.Task, country: "IN", zone: "Asia/Kolkata"), ClassificationKinds.OffshoreOutsourcing },
        // Row 4: production.
        { "manufacturing, home", Facts(process: BusinessProcesses.Manufacturing, country: "US", zone: "America/Chicago"), ClassificationKinds.ProductionOutsourcing },
        { "logistics, abroad", Facts(process: BusinessProcesses.Logistics, country: "MX", zone: "America/Mexico_City"), ClassificationKinds.OffshoreProductionOutsourcing },
        // Row 5: captive centre, whatever else.
        { "captive centre, home", Facts(source: SourceKinds.CaptiveCentre, country: "US", zone: "America/Chicago"), ClassificationKinds.InHouse },
        { "captive centre, abroad", Facts(source: SourceKinds.CaptiveCentre, country: "PL", zone: "Europe/Warsaw", place: PlacesOfWork.TenantPremises), ClassificationKinds.OffshoringCaptiveCentre },
        // Row 6: partnership, whatever else.
        { "partnership, home", Facts(source: SourceKinds.Partnership, country: "US", zone: "America/Chicago", scope: EngagementScopes.Task), ClassificationKinds.DomesticPartnership },
        { "partnership, abroad", Facts(source: SourceKinds.Partnership, country: "IN", zone: "Asia/Kolkata"), ClassificationKinds.OffshoringPartnership },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_row_of_the_table_gives_its_classification(string because, ClassificationFacts facts, string expected)
    {
        var result = EngagementClassifier.Classify(facts);
        Assert.True(expected == result.Kind, $"{because}: expected {expected}, got {result.Kind} ({result.Reason})");
        Assert.Equal(ClassificationKinds.Labels[expected], result.Label);
    }

    [Fact]
    public void The_reason_says_who_where_what_for_how_long_and_where_HQ_is()
    {
        var result = EngagementClassifier.Classify(Facts());
        Assert.StartsWith(
            "third-party provider in the Philippines doing the whole customer-service process on a 3-year contract; HQ in the United States",
            result.Reason);
        Assert.Equal(LocationGrades.Offshore, result.LocationGrade);
    }

    [Fact]
    public void A_domestic_engagement_is_onshore_whatever_the_time_zone()
    {
        var result = EngagementClassifier.Classify(Facts(country: "US", zone: "Pacific/Honolulu"));
        Assert.Equal(LocationGrades.Onshore, result.LocationGrade);
    }

    [Theory]
    // Exactly 3 hours (no daylight saving on either side): nearshore, inclusive.
    [InlineData("AE", "Asia/Dubai", "TH", "Asia/Bangkok", LocationGrades.Nearshore, 3.0)]
    // 4 hours: offshore.
    [InlineData("AE", "Asia/Dubai", "CN", "Asia/Shanghai", LocationGrades.Offshore, 4.0)]
    // Half-hour offsets: India +5:30 against Japan +9 is 3.5 h; against China +8 is 2.5 h.
    [InlineData("IN", "Asia/Kolkata", "JP", "Asia/Tokyo", LocationGrades.Offshore, 3.5)]
    [InlineData("IN", "Asia/Kolkata", "CN", "Asia/Shanghai", LocationGrades.Nearshore, 2.5)]
    // Nepal +5:45 against Bangladesh +6.
    [InlineData("NP", "Asia/Kathmandu", "BD", "Asia/Dhaka", LocationGrades.Nearshore, 0.25)]
    // Daylight saving: London is 4 h from Dubai in winter and 3 h in summer; the mean (3.5) keeps it offshore all year.
    [InlineData("GB", "Europe/London", "AE", "Asia/Dubai", LocationGrades.Offshore, 3.5)]
    // New York (-5/-4) and São Paulo (-3): 2 h and 1 h.
    [InlineData("US", "America/New_York", "BR", "America/Sao_Paulo", LocationGrades.Nearshore, 1.5)]
    // The shorter way round the clock: Auckland (+13/+12) and Honolulu (-10) are 1 h and 2 h apart, not 23 and 22.
    [InlineData("NZ", "Pacific/Auckland", "US", "Pacific/Honolulu", LocationGrades.Nearshore, 1.5)]
    public void The_location_grade_takes_the_mean_gap_of_January_and_July(
        string hq, string hqZone, string country, string zone, string grade, double hours)
    {
        var result = EngagementClassifier.Classify(Facts(hq: hq, hqZone: hqZone, country: country, zone: zone));
        Assert.Equal(grade, result.LocationGrade);
        Assert.Equal((decimal)hours, TimeGap.MeanHours(zone, hqZone, Year));
    }

    [Fact]
    public void Daylight_saving_does_not_flip_the_grade_whatever_the_year()
    {
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
        {
            Assert.Equal(3.5m, TimeGap.MeanHours("Asia/Dubai", "Europe/London", year));
        }
    }

    [Theory]
    [InlineData(2026, 1, 1, 2028, 12, 31, 36, true)]
    [InlineData(2026, 1, 1, 2026, 12, 31, 12, true)]
    [InlineData(2026, 1, 1, 2026, 12, 30, 11, false)]
    [InlineData(2026, 3, 15, 2026, 9, 14, 6, false)]
    public void The_term_counts_whole_months_to_the_inclusive_end(int y1, int m1, int d1, int y2, int m2, int d2, int months, bool longTerm)
    {
        var start = new DateOnly(y1, m1, d1);
        var end = new DateOnly(y2, m2, d2);
        Assert.Equal(months, EngagementClassifier.Months(start, end));
        Assert.Equal(longTerm, EngagementClassifier.IsLongTerm(start, end));
    }

    [Fact]
    public void Without_contract_terms_a_whole_process_is_not_BPO()
    {
        var facts = Facts() with { ContractStart = null, ContractEnd = null };
        var result = EngagementClassifier.Classify(facts);
        Assert.Equal(ClassificationKinds.OffshoreOutsourcing, result.Kind);
        Assert.Contains("no contract terms recorded", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PH", "Asia/Manila")]
    [InlineData("IN", "Asia/Kolkata")]
    [InlineData("PL", "Europe/Warsaw")]
    [InlineData("US", null)]
    [InlineData("MX", null)]
    [InlineData("BR", null)]
    [InlineData("ES", null)]
    public void The_delivery_time_zone_is_set_automatically_only_where_the_country_has_one_offset(string country, string? expected)
    {
        Assert.Equal(expected, DeliveryTimeZones.Automatic(country, Year));
    }

    [Theory]
    [InlineData(60, false, SourceKinds.CaptiveCentre)]
    [InlineData(50.01, false, SourceKinds.CaptiveCentre)]
    [InlineData(50, false, SourceKinds.Partnership)]
    [InlineData(100, true, SourceKinds.Partnership)]
    [InlineData(0, false, SourceKinds.Partnership)]
    public void Over_50_percent_and_sole_control_is_a_captive_centre_otherwise_a_partnership(double share, bool shared, string kind)
    {
        Assert.Equal(kind, CaptiveCentres.CaptiveCentre.KindOf((decimal)share, shared));
    }

    [Fact]
    public void The_classification_carries_the_location_gap_its_grade_is_read_from()
    {
        // Manila (+8 all year) and Berlin (+1 in January, +2 in July): 7 h and 6 h, mean 6.5 h -> offshore.
        var berlin = EngagementClassifier.Classify(Facts(hq: "DE", hqZone: "Europe/Berlin"));
        Assert.Equal((LocationGrades.Offshore, 6.5m, Year), (berlin.LocationGrade, berlin.LocationGapHours, berlin.LocationGapYear));
        Assert.Contains("offshore: 6.5 h from HQ's time on average", berlin.Reason, StringComparison.Ordinal);
        // Toronto against New York: another country, 0 h -> nearshore, and the gap says so.
        var toronto = EngagementClassifier.Classify(Facts(country: "CA", zone: "America/Toronto"));
        Assert.Equal((LocationGrades.Nearshore, 0m), (toronto.LocationGrade, toronto.LocationGapHours));
        Assert.Equal(LocationGrades.Offshore, EngagementClassifier.Grade(abroad: true, 3.5m));
        Assert.Equal(LocationGrades.Nearshore, EngagementClassifier.Grade(abroad: true, 3m));
        Assert.Equal(LocationGrades.Onshore, EngagementClassifier.Grade(abroad: false, 8m));
    }
}
