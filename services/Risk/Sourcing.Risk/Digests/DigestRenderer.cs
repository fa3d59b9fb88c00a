using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Digests;

/// <summary>A rendered e-mail: subject, HTML, plain text, and the inline images the HTML refers to by <c>cid:</c>.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text, IReadOnlyList<(string ContentId, byte[] Png)> Images);

/// <summary>Where the links of an e-mail point.</summary>
public sealed record DigestLinks(Uri Portal, Uri Unsubscribe)
{
    /// <summary>The portal's dashboard, where the portfolio is.</summary>
    public string Portfolio => Portal.ToString();

    public string Engagement(Guid id) => new Uri(Portal, $"engagements/{id}").ToString();

    public string Alert(Guid id) => new Uri(Portal, $"alerts/{id}").ToString();

    public string Settings => new Uri(Portal, "settings/digest").ToString();

    public string Engagements => new Uri(Portal, "engagements").ToString();

    public string Alerts => new Uri(Portal, "alerts").ToString();
}

/// <summary>
/// Renders a digest as HTML (one column, inline styles, at most 600 px wide, so it reads on a phone and
/// in clients that drop style sheets) with a plain-text alternative that says the same. Pure.
/// </summary>
public static class DigestRenderer
{
    public const string TrendContentId = "risk-trend";

    /// <summary>
    /// Items shown per section; the heading gives the full count and a link leads to the rest in the portal,
    /// so a digest stays readable (and a few dozen kilobytes) however large the portfolio.
    /// </summary>
    public const int SectionLimit = 10;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="chart">Renders the trend chart; a digest run passes its tenant's cache, as many subscribers share one trend.</param>
    public static RenderedEmail Render(DigestModel m, DigestLinks links, Func<IReadOnlyList<TrendPoint>, byte[]>? chart = null)
    {
        var zone = DateTimeZoneProviders.Tzdb[m.TimeZone];
        var from = Day(m.PeriodStart, zone);
        var to = Day(m.PeriodEnd, zone);
        var subject = m.IsEmpty
            ? $"{m.TenantName} risk digest, {from} to {to}: nothing changed"
            : $"{m.TenantName} risk digest, {from} to {to}";
        var html = new Html();
        var text = new StringBuilder();
        var scope = m.Scope == DigestScopes.All ? "all of the tenant's engagements" : "your engagements";
        var intro = $"Hello {m.RecipientName}, this is what changed in {scope} (band {m.MinBand} and above) from {from} to {to}.";
        html.P(intro);
        text.AppendLine(intro).AppendLine();

        if (m.IsEmpty)
        {
            const string nothing = "Nothing changed in this period.";
            html.P(nothing);
            text.AppendLine(nothing).AppendLine();
        }

        // The portfolio at a glance.
        html.H("Portfolio at a glance");
        text.AppendLine("PORTFOLIO AT A GLANCE");
        var rows = new (string Band, int Now, int? Before)[]
        {
            (Bands.Critical, m.Counts.Critical, m.PreviousCounts?.Critical),
            (Bands.High, m.Counts.High, m.PreviousCounts?.High),
            (Bands.Medium, m.Counts.Medium, m.PreviousCounts?.Medium),
            (Bands.Low, m.Counts.Low, m.PreviousCounts?.Low),
        };
        foreach (var (band, now, before) in rows)
        {
            var change = before is { } b ? $" ({Signed(now - b)} since the last digest)" : "";
            html.Line($"<span style=\"display:inline-block;width:10px;height:10px;background:{Colour(band)};margin-right:6px\"></span>{E(Cap(band))}: <b>{now}</b>{E(change)}");
            text.AppendLine(Inv, $"- {Cap(band)}: {now}{change}");
        }

        html.Link(links.Portfolio, "Open the portfolio");
        text.AppendLine(Inv, $"Portfolio: {links.Portfolio}").AppendLine();

        html.Img(TrendContentId, TrendChart.Describe(m.Trend));
        text.AppendLine(TrendChart.Describe(m.Trend)).AppendLine();

        // The most severe changes first, so the ones shown are the ones that matter.
        var changes = m.BandChanges.OrderByDescending(c => Bands.Rank(c.ToBand)).ThenByDescending(c => c.Composite ?? 0).ToList();
        Section(html, text, "Scores that changed band", changes, links.Engagements, c =>
        {
            var factors = c.TopFactors.Count == 0 ? "" : " Why: " + string.Join("; ", c.TopFactors.Select(f => $"{f.Name} +{Numbers.F2(f.Points)} ({f.Detail})"));
            var composite = c.Composite is { } v ? $" (composite {v.ToString("0.00", Inv)})" : "";
            return ($"{c.EngagementName}: {c.FromBand ?? "no score"} to {c.ToBand}{composite}.{factors}", links.Engagement(c.EngagementId));
        });
        Section(html, text, "New alerts", m.NewAlerts, links.Alerts, a => (AlertLine(a), links.Alert(a.Id)));
        Section(html, text, "Still open", m.OpenAlerts, links.Alerts, a => (AlertLine(a), links.Alert(a.Id)));
        Section(html, text, "SLA breaches", m.Breaches, links.Engagements, b =>
            ($"{b.EngagementName}: {b.Metric} was {b.Value.ToString("0.##", Inv)} against a target of {b.Target.ToString("0.##", Inv)} (period ending {b.PeriodEnd:d MMM yyyy})", links.Engagement(b.EngagementId)));
        Section(html, text, "Contracts", m.Contracts, links.Engagements, c => ($"{c.EngagementName}: {c.What} on {c.On:d MMM yyyy}", links.Engagement(c.EngagementId)));
        Section(html, text, "Policy findings", m.PolicyFindings, links.Alerts, a => ((a.IsNew ? "New: " : "") + AlertLine(a), links.Alert(a.Id)));

        html.Footer(
            $"You receive this because of your digest settings. <a href=\"{E(links.Settings)}\" style=\"color:#1d4ed8\">Change them</a> or <a href=\"{E(links.Unsubscribe.ToString())}\" style=\"color:#1d4ed8\">unsubscribe</a> in one click.");
        text.AppendLine(Inv, $"Change your digest settings: {links.Settings}");
        text.AppendLine(Inv, $"Unsubscribe in one click: {links.Unsubscribe}");

        var png = chart is null ? TrendChart.RenderPng(m.Trend) : chart(m.Trend);
        return new RenderedEmail(subject, html.Build(subject), text.ToString(), [(TrendContentId, png)]);
    }

    /// <summary>The immediate e-mail of critical alerts raised within one coalescing window.</summary>
    public static RenderedEmail RenderCriticalAlerts(string tenantName, string recipientName, IReadOnlyList<DigestAlert> alerts, DigestLinks links)
    {
        var subject = alerts.Count == 1
            ? $"{tenantName}: critical risk alert: {Trim(alerts[0].EngagementName ?? alerts[0].Message)}"
            : $"{tenantName}: {alerts.Count} critical risk alerts";
        var html = new Html();
        var text = new StringBuilder();
        var intro = $"Hello {recipientName}, {(alerts.Count == 1 ? "a critical alert was" : $"{alerts.Count} critical alerts were")} raised:";
        html.P(intro);
        text.AppendLine(intro).AppendLine();
        foreach (var a in alerts)
        {
            html.Line($"<a href=\"{E(links.Alert(a.Id))}\" style=\"color:#1d4ed8\">{E(AlertLine(a))}</a>");
            text.AppendLine(Inv, $"- {AlertLine(a)}").AppendLine(Inv, $"  {links.Alert(a.Id)}");
        }

        html.Footer(
            $"Critical alerts are sent at once, whatever your digest's schedule. <a href=\"{E(links.Settings)}\" style=\"color:#1d4ed8\">Change your settings</a> or <a href=\"{E(links.Unsubscribe.ToString())}\" style=\"color:#1d4ed8\">unsubscribe</a> in one click.");
        text.AppendLine().AppendLine(Inv, $"Change your settings: {links.Settings}").AppendLine(Inv, $"Unsubscribe in one click: {links.Unsubscribe}");
        return new RenderedEmail(subject, html.Build(subject), text.ToString(), []);
    }

    private static string Trim(string s) => s.Length > 80 ? s[..80] : s;

    private static string AlertLine(DigestAlert a) =>
        (a.EngagementName is { } name ? $"{name}: " : "") + $"{a.Message} ({a.Severity}, raised {a.RaisedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", Inv)} UTC)";

    private static void Section<T>(Html html, StringBuilder text, string title, IReadOnlyList<T> items, string more, Func<T, (string Line, string Link)> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.H($"{title} ({items.Count})");
        text.AppendLine(Inv, $"{title.ToUpperInvariant()} ({items.Count})");
        foreach (var item in items.Take(SectionLimit))
        {
            var (l, link) = line(item);
            html.Line($"<a href=\"{E(link)}\" style=\"color:#1d4ed8;text-decoration:none\">{E(l)}</a>");
            text.AppendLine(Inv, $"- {l}").AppendLine(Inv, $"  {link}");
        }

        if (items.Count > SectionLimit)
        {
            var rest = $"{items.Count - SectionLimit} more in the portal";
            html.Link(more, rest);
            text.AppendLine(Inv, $"- {rest}: {more}");
        }

        text.AppendLine();
    }

    private static string Day(DateTimeOffset at, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(at).InZone(zone).Date.ToString("d MMM yyyy", Inv);

    private static string Signed(int n) => n > 0 ? $"+{n}" : n.ToString(Inv);

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Colour(string band) => band switch
    {
        Bands.Critical => "#C62828",
        Bands.High => "#EF6C00",
        Bands.Medium => "#F9A825",
        _ => "#2E7D32",
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A single-column HTML e-mail with inline styles.</summary>
    private sealed class Html
    {
        private readonly StringBuilder _body = new();

        public void P(string text) => _body.Append(Inv, $"<p style=\"margin:0 0 12px 0\">{E(text)}</p>");

        public void H(string text) => _body.Append(Inv, $"<h2 style=\"font-size:17px;margin:20px 0 8px 0;color:#111827\">{E(text)}</h2>");

        public void Line(string html) => _body.Append(Inv, $"<p style=\"margin:0 0 8px 0\">{html}</p>");

        public void Link(string href, string text) =>
            _body.Append(Inv, $"<p style=\"margin:8px 0 12px 0\"><a href=\"{E(href)}\" style=\"color:#1d4ed8\">{E(text)}</a></p>");

        public void Img(string contentId, string alt) =>
            _body.Append(Inv, $"<img src=\"cid:{contentId}\" alt=\"{E(alt)}\" width=\"{TrendChart.DefaultWidth}\" height=\"{TrendChart.DefaultHeight}\" style=\"display:block;width:100%;max-width:{TrendChart.DefaultWidth}px;height:auto;border:0\">");

        public void Footer(string html) =>
            _body.Append(Inv, $"<p style=\"margin:24px 0 0 0;font-size:12px;color:#6b7280\">{html}</p>");

        public string Build(string title) =>
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{E(title)}</title></head><body style=\"margin:0;padding:0;background:#f3f4f6\">"
            + "<div style=\"max-width:600px;margin:0 auto;padding:16px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#1f2937\">"
            + _body + "</div></body></html>";
    }
}
