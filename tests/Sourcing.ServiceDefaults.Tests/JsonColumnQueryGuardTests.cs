using Microsoft.EntityFrameworkCore;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.ServiceDefaults.Tests;

/// <summary>
/// A query that reaches into a record mapped to jsonb with AsJson is refused when it is compiled, not
/// answered with null: the queries are compiled against the Npgsql provider without a database.
/// </summary>
public sealed class JsonColumnQueryGuardTests
{
    public sealed record CompanySettings(string? TimeZone = null, int WeekStartsOn = 1);

    public sealed class Company
    {
        public Guid Id { get; set; }

        public CompanySettings Settings { get; set; } = new();

        public List<CompanySettings> History { get; set; } = [];
    }

    /// <summary>Two context types, so that each has its own model and compiled queries: the cache is keyed by the model.</summary>
    private abstract class CompaniesDb(bool guarded) : DbContext
    {
        public DbSet<Company> Companies => Set<Company>();

        protected override void OnConfiguring(DbContextOptionsBuilder options)
        {
            options.UseNpgsql("Host=localhost;Database=never_opened").UseSnakeCaseNamingConvention();
            if (guarded)
            {
                options.AddInterceptors(JsonColumnQueryGuard.Instance);
            }
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Company>(b =>
            {
                b.Property(c => c.Settings).AsJson();
                b.Property(c => c.History).AsJson();
            });
    }

    private sealed class GuardedDb() : CompaniesDb(guarded: true);

    private sealed class UnguardedDb() : CompaniesDb(guarded: false);

    [Fact]
    public void Reaching_into_the_record_is_refused_naming_the_member_and_the_remedy()
    {
        using var db = new GuardedDb();

        var refused = Assert.Throws<InvalidOperationException>(() => db.Companies.Select(c => c.Settings.TimeZone).ToQueryString());
        Assert.Contains("Company.Settings.TimeZone", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Read Settings whole", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => db.Companies.Where(c => c.Settings.WeekStartsOn == 1).ToQueryString());
    }

    [Fact]
    public void Reaching_into_the_record_through_an_anonymous_projection_or_a_lists_elements_is_refused()
    {
        using var db = new GuardedDb();

        // Unguarded, the first compiles to settings ->> 'TimeZone' (null for every row); the others fail to translate.
        var projected = Assert.Throws<InvalidOperationException>(
            () => db.Companies.Select(c => new { c.Id, c.Settings }).Where(x => x.Settings.TimeZone == "Europe/Berlin").ToQueryString());
        Assert.Contains("TimeZone of a CompanySettings", projected.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => db.Companies.Where(c => c.History.Any(h => h.TimeZone == "Europe/Berlin")).ToQueryString());
        Assert.Throws<InvalidOperationException>(() => db.Companies.Select(c => c.History[0].WeekStartsOn).ToQueryString());
    }

    [Fact]
    public void Reading_the_record_whole_counting_a_list_or_comparing_with_a_captured_records_member_is_allowed()
    {
        using var db = new GuardedDb();
        var wanted = new CompanySettings("Europe/Berlin");

        Assert.Contains("settings", db.Companies.Select(c => c.Settings).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("history", db.Companies.Where(c => c.History.Count > 0).Select(c => new { c.Id, c.Settings }).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", db.Companies.Where(c => c.Id.ToString() == wanted.TimeZone).ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_guard_the_provider_looks_the_member_up_by_its_CSharp_name_which_the_stored_camel_case_lacks()
    {
        using var db = new UnguardedDb();

        var sql = db.Companies.Select(c => c.Settings.TimeZone).ToQueryString();
        var stored = System.Text.Json.JsonSerializer.Serialize(new CompanySettings("Europe/Berlin"), JsonColumn.Options);

        // If this stops holding (the provider learns the stored names), the guard can go.
        Assert.Contains("TimeZone", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("timeZone", sql, StringComparison.Ordinal);
        Assert.Contains("\"timeZone\"", stored, StringComparison.Ordinal);
    }
}
