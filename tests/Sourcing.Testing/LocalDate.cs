namespace Sourcing.Testing;

/// <summary>Dates as a company sees them: the services take "today" in the tenant's time zone, so the tests must too.</summary>
public static class LocalDate
{
    /// <summary>Today where the company is: the date in the IANA time zone <paramref name="zone"/> now.</summary>
    public static DateOnly TodayIn(string zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
}
