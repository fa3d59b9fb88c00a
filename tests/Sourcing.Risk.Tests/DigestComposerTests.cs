using System.Buffers.Binary;
using System.IO.Compression;
using Sourcing.Contracts;
using Sourcing.Risk.Alerts;
using Sourcing.Risk.Digests;
using Sourcing.Risk.ReadModel;
using Sourcing.Risk.Scores;

namespace Sourcing.Risk.Tests;

/// <summary>The digest's rules on a hand-made snapshot: scope, minimum band, the period's bounds; and the chart's PNG.</summary>
public sealed class DigestComposerTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Someone = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static Engagement Engagement(string name, Guid? owner, DateOnly? contractEnd = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        OwnerUserId = owner,
        Status = EngagementValues.Active,
        Contract = contractEnd is { } end ? new ContractTerms { Start = new DateOnly(2024, 1, 1), End = end, NoticePeriodDays = 90, AutoRenewal = false, PricingModel = "fixed-fee" } : null,
    };

    private static ScoreHistoryPoint Point(Engagement e, DateTimeOffset at, string band) => new() { EngagementId = e.Id, ComputedAt = at, Band = band, Composite = 50m };

    private static DigestSubscription Subscription(string scope, string minBand) => new()
    {
        Id = Guid.NewGuid(),
        UserId = Me,
        Name = "Mia",
        Email = "mia@example.com",
        Scope = scope,
        MinBand = minBand,
        TimeZone = "UTC",
    };

    private static TenantSnapshot Snapshot(IEnumerable<Engagement> engagements, IEnumerable<ScoreHistoryPoint> history, IEnumerable<Alert>? alerts = null, IEnumerable<(SlaResult, string)>? breaches = null)
    {
        var list = engagements.ToList();
        var byEngagement = history.GroupBy(p => p.EngagementId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.ComputedAt).ToArray());
        return new TenantSnapshot
        {
            TenantName = "Acme",
            Engagements = list,
            Scores = byEngagement.ToDictionary(kv => kv.Key, kv => new EngagementScore { EngagementId = kv.Key, Band = kv.Value[^1].Band, Composite = 50m }),
            History = byEngagement,
            Alerts = [.. alerts ?? []],
            Breaches = [.. breaches ?? []],
        };
    }

    [Fact]
    public void Band_changes_count_only_the_period_the_scope_and_the_minimum_band()
    {
        var mineUp = Engagement("Mine up", Me);
        var mineBefore = Engagement("Mine changed before the period", Me);
        var mineLow = Engagement("Mine low to low-ish", Me);
        var theirs = Engagement("Theirs up", Someone);
        var data = Snapshot(
            [mineUp, mineBefore, mineLow, theirs],
            [
                Point(mineUp, Start.AddDays(-3), "medium"), Point(mineUp, Start.AddDays(2), "high"),
                Point(mineBefore, Start.AddDays(-3), "low"), Point(mineBefore, Start.AddHours(-1), "high"),
                Point(mineLow, Start.AddDays(-3), "medium"), Point(mineLow, Start.AddDays(1), "low"),
                Point(theirs, Start.AddDays(-3), "low"), Point(theirs, Start.AddDays(1), "critical"),
                Point(mineUp, End.AddMinutes(1), "critical"), // after the period: not in it
            ]);

        var mineMedium = DigestComposer.Compose(data, Subscription("mine", "medium"), Start, End, null);
        Assert.Equal(["Mine low to low-ish", "Mine up"], mineMedium.BandChanges.Select(c => c.EngagementName));
        Assert.Equal("high", mineMedium.BandChanges.Single(c => c.EngagementName == "Mine up").ToBand);

        var mineHigh = DigestComposer.Compose(data, Subscription("mine", "high"), Start, End, null);
        Assert.Equal(["Mine up"], mineHigh.BandChanges.Select(c => c.EngagementName));

        var all = DigestComposer.Compose(data, Subscription("all", "high"), Start, End, null);
        Assert.Equal(["Mine up", "Theirs up"], all.BandChanges.Select(c => c.EngagementName));
        Assert.Equal(new BandCounts(1, 0, 1, 2), all.Counts);
    }

    [Fact]
    public void Breaches_are_the_periods_days_and_contracts_their_notice_and_end()
    {
        var e = Engagement("Ending", Me, contractEnd: new DateOnly(2026, 12, 20));
        var noticeOpened = Engagement("Notice", Me, contractEnd: new DateOnly(2027, 3, 2)); // 90 days before: 2026-12-02, in the period
        var sla = Guid.NewGuid();
        SlaResult Missed(DateOnly day) => new() { SlaId = sla, EngagementId = e.Id, PeriodEnd = day, Value = 90m, Target = 99m, Met = false };
        var data = Snapshot(
            [e, noticeOpened],
            [Point(e, Start.AddDays(-10), "high"), Point(noticeOpened, Start.AddDays(-10), "high")],
            breaches: [(Missed(new DateOnly(2026, 11, 29)), "Uptime"), (Missed(new DateOnly(2026, 11, 30)), "Uptime"), (Missed(new DateOnly(2026, 12, 6)), "Uptime"), (Missed(new DateOnly(2026, 12, 7)), "Uptime")]);

        var digest = DigestComposer.Compose(data, Subscription("mine", "medium"), Start, End, null);
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)], digest.Breaches.Select(b => b.PeriodEnd));
        Assert.Contains(digest.Contracts, c => c.EngagementName == "Ending" && c.What == "ends" && c.On == new DateOnly(2026, 12, 20));
        Assert.Contains(digest.Contracts, c => c.EngagementName == "Notice" && c.What == "entered its notice window" && c.On == new DateOnly(2026, 12, 2));
        Assert.DoesNotContain(digest.Contracts, c => c.EngagementName == "Notice" && c.What != "entered its notice window");
    }

    [Fact]
    public void Alerts_are_split_into_new_and_still_open_critical_ones_pass_any_band_and_tenant_wide_ones_reach_every_scope()
    {
        var lowMine = Engagement("Low mine", Me);
        var theirs = Engagement("Theirs", Someone);
        var data = Snapshot(
            [lowMine, theirs],
            [Point(lowMine, Start.AddDays(-10), "low"), Point(theirs, Start.AddDays(-10), "high")],
            alerts:
            [
                new Alert { Id = Guid.NewGuid(), EngagementId = lowMine.Id, Kind = "sla-breach", Severity = "critical", Message = "critical on a low one", Status = AlertStatuses.Open, RaisedAt = Start.AddDays(1) },
                new Alert { Id = Guid.NewGuid(), EngagementId = lowMine.Id, Kind = "band-rise", Severity = "warning", Message = "warning on a low one", Status = AlertStatuses.Open, RaisedAt = Start.AddDays(1) },
                new Alert { Id = Guid.NewGuid(), EngagementId = null, Kind = "policy-concentration", Severity = "warning", Message = "tenant-wide finding", Status = AlertStatuses.Open, RaisedAt = Start.AddDays(-20) },
                new Alert { Id = Guid.NewGuid(), EngagementId = theirs.Id, Kind = "band-rise", Severity = "warning", Message = "someone else's", Status = AlertStatuses.Open, RaisedAt = Start.AddDays(1) },
                new Alert { Id = Guid.NewGuid(), EngagementId = null, Kind = "score-threshold", Severity = "warning", Message = "resolved before the period", Status = AlertStatuses.Resolved, RaisedAt = Start.AddDays(-20) },
                new Alert { Id = Guid.NewGuid(), EngagementId = null, Kind = "score-threshold", Severity = "warning", Message = "raised after the period", Status = AlertStatuses.Open, RaisedAt = End.AddSeconds(1) },
            ]);

        var digest = DigestComposer.Compose(data, Subscription("mine", "medium"), Start, End, null);
        Assert.Equal(["critical on a low one"], digest.NewAlerts.Select(a => a.Message));
        Assert.Empty(digest.OpenAlerts);
        var finding = Assert.Single(digest.PolicyFindings);
        Assert.Equal("tenant-wide finding", finding.Message);
        Assert.False(finding.IsNew);
    }

    [Fact]
    public void An_empty_period_is_empty_and_a_change_of_counts_is_not()
    {
        var e = Engagement("Quiet", Me);
        var data = Snapshot([e], [Point(e, Start.AddDays(-10), "medium")]);
        Assert.True(DigestComposer.Compose(data, Subscription("mine", "medium"), Start, End, new BandCounts(0, 1, 0, 0)).IsEmpty);
        Assert.False(DigestComposer.Compose(data, Subscription("mine", "medium"), Start, End, new BandCounts(0, 2, 0, 0)).IsEmpty);
    }

    [Fact]
    public void A_large_portfolio_shows_the_ten_most_severe_changes_with_the_rest_counted_and_linked()
    {
        // 25 engagements move into a band in the period: 5 to high, 20 to low; the five high ones come first.
        var engagements = Enumerable.Range(0, 25).Select(i => Engagement($"E{i:00}", Me)).ToList();
        var history = engagements.Select((e, i) => Point(e, Start.AddDays(1), i % 5 == 0 ? "high" : "low")).ToList();
        var data = Snapshot(engagements, history);
        var model = DigestComposer.Compose(data, Subscription("mine", "low"), Start, End, null);
        Assert.Equal(25, model.BandChanges.Count);

        var links = new DigestLinks(new Uri("http://portal.test/"), new Uri("http://risk.test/unsubscribe"));
        var rendered = DigestRenderer.Render(model, links, data.Chart);
        Assert.Contains("SCORES THAT CHANGED BAND (25)", rendered.Text, StringComparison.Ordinal);
        var shown = rendered.Text.Split('\n').Where(l => l.StartsWith("- E", StringComparison.Ordinal)).ToList();
        Assert.Equal(DigestRenderer.SectionLimit, shown.Count);
        Assert.All(shown.Take(5), l => Assert.Contains("to high", l, StringComparison.Ordinal));
        Assert.Contains("- 15 more in the portal: http://portal.test/engagements", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("15 more in the portal</a>", rendered.Html, StringComparison.Ordinal);

        // Subscribers with the same trend share one rendered chart.
        var other = DigestRenderer.Render(DigestComposer.Compose(data, Subscription("mine", "low"), Start, End, null), links, data.Chart);
        Assert.Same(rendered.Images[0].Png, other.Images[0].Png);
    }

    [Fact]
    public void The_trend_chart_is_a_valid_png_of_the_stated_size()
    {
        var points = Enumerable.Range(0, 14).Select(i => new TrendPoint(new DateOnly(2026, 11, 20).AddDays(i), 10 - (i % 3), i % 4, i % 2, i == 13 ? 3 : 0)).ToList();
        var png = TrendChart.RenderPng(points);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);

        var chunks = new List<(string Type, byte[] Data)>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), Crc32(typeAndData));
            chunks.Add((System.Text.Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data), BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data.AsSpan(4)));
        Assert.Equal((TrendChart.DefaultWidth, TrendChart.DefaultHeight), (width, height));
        using var zlib = new ZLibStream(new MemoryStream([.. chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data)]), CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        zlib.CopyTo(pixels);
        Assert.Equal(height * (1 + width), pixels.Length); // 8-bit palette: one filter byte and one byte per pixel per row
        Assert.Equal(png, TrendChart.RenderPng(points));
    }

    /// <summary>CRC-32 as PNG defines it, bit by bit (independent of the chart's table-driven one).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }

        return ~c;
    }
}
