using System.Globalization;
using NodaTime;
using Sourcing.Risk.ReadModel;

namespace Sourcing.Risk.Decisions;

/// <summary>A vendor manager and the time zone of their digest subscription (null when they have none).</summary>
public sealed record VendorManager(Guid UserId, string Name, string? TimeZone);

/// <summary>
/// Groups the active engagements into delivery sites (time zone and country) and measures, with
/// <see cref="WorkingHoursOverlap"/>, each site's working day against HQ's and each vendor manager's on a date.
/// </summary>
public static class WorkingHoursReport
{
    public const string FromDigestSubscription = "digest subscription";
    public const string FromHeadOffice = "head office (the member's own zone is not known)";

    public static WorkingHoursResponse Compute(string hqZoneId, LocalDate date, IReadOnlyList<Engagement> active, IReadOnlyList<VendorManager> vendorManagers)
    {
        var hq = DateTimeZoneProviders.Tzdb.GetZoneOrNull(hqZoneId) ?? DateTimeZone.Utc;
        var hqDay = WorkingHoursOverlap.CalendarDay(hq, date);
        var noon = date.At(new LocalTime(12, 0)).InUtc().ToInstant();
        var leftOut = new List<LeftOutSite>();
        var sites = new List<DeliverySiteOverlap>();
        var managers = vendorManagers.Select(m =>
        {
            var own = m.TimeZone is { } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : null;
            return (Manager: m, Zone: own ?? hq, Source: own is null ? FromHeadOffice : FromDigestSubscription);
        }).ToList();

        foreach (var group in active.GroupBy(e => (e.DeliveryTimeZone, e.DeliveryCountry)))
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(group.Key.DeliveryTimeZone);
            if (zone is null)
            {
                leftOut.AddRange(group.Select(e => new LeftOutSite(e.Id, e.Name, $"the delivery time zone '{group.Key.DeliveryTimeZone}' is not in the tz database")));
                continue;
            }

            var (hours, shared) = WorkingHoursOverlap.Shared(hq, zone, date);
            var owners = group.Select(e => e.OwnerUserId).OfType<Guid>().ToHashSet();
            sites.Add(new DeliverySiteOverlap(
                zone.Id,
                group.Key.DeliveryCountry,
                OffsetText(zone.GetUtcOffset(noon)),
                Span(WorkingHoursOverlap.WorkingDay(zone, date), zone),
                [.. WorkingHoursOverlap.WorkingHoursWithin(zone, hqDay).Select(i => Span(i, hq))],
                Hours(hours),
                [.. shared.Select(i => Span(i, hq))],
                [.. managers.Select(m => new VendorManagerOverlap(
                    m.Manager.UserId, m.Manager.Name, m.Zone.Id, m.Source, owners.Contains(m.Manager.UserId),
                    Hours(WorkingHoursOverlap.Shared(m.Zone, zone, date).Hours)))],
                [.. group.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new SiteEngagement(e.Id, e.Name))]));
        }

        return new WorkingHoursResponse(
            date.ToDateOnly(),
            hq.Id,
            OffsetText(hq.GetUtcOffset(noon)),
            $"{WorkingHoursOverlap.DayStart:HH:mm}-{WorkingHoursOverlap.DayEnd:HH:mm}",
            Span(hqDay, hq),
            Span(WorkingHoursOverlap.WorkingDay(hq, date), hq),
            [.. sites.OrderByDescending(s => s.SharedHoursWithHq).ThenBy(s => s.Country, StringComparer.Ordinal).ThenBy(s => s.TimeZone, StringComparer.Ordinal)],
            [.. leftOut.OrderBy(l => l.Name, StringComparer.Ordinal)]);
    }

    /// <summary>"UTC+05:30", "UTC-04:00".</summary>
    public static string OffsetText(Offset offset)
    {
        var span = offset.ToTimeSpan();
        return $"UTC{(span < TimeSpan.Zero ? "-" : "+")}{span.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
    }

    private static TimeSpanOfDay Span(Interval interval, DateTimeZone zone) =>
        new(interval.Start.InZone(zone).ToDateTimeOffset(), interval.End.InZone(zone).ToDateTimeOffset(), Hours(interval.Duration.TotalHours));

    private static decimal Hours(double hours) => (decimal)Math.Round(hours, 2);
}
