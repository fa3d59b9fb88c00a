using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sourcing.Contracts;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Risk;

/// <summary>Helpers of the digest tests: vendor managers made through MemberJoined, their tokens, due subscriptions, maildev's raw messages.</summary>
public static class DigestSetup
{
    public sealed record VendorManager(Guid UserId, string Email, string Name, HttpClient Api);

    /// <summary>A vendor manager joins (MemberJoined, as the tenants service publishes it); waits for the default subscription.</summary>
    public static async Task<VendorManager> JoinAsync(SystemFixture system, Guid tenantId, string name)
    {
        var userId = Guid.NewGuid();
        var email = SystemFixture.UniqueEmail("vm");
        await RiskEvents.PublishAsync(new MemberJoined { TenantId = tenantId, UserId = userId, Email = email, Name = name, Role = Roles.VendorManager });
        var api = RiskApi.Client(Token(system, tenantId, Roles.VendorManager, userId, email));
        await Eventually.WaitAsync(async () => (await api.GetAsync("api/risk/digests/subscription")).IsSuccessStatusCode, RiskApi.Wait, "the default subscription");
        return new VendorManager(userId, email, name, api);
    }

    public static string Token(SystemFixture system, Guid tenantId, string role, Guid? userId = null, string email = "forged@example.com") =>
        TokenForge.Create(TokenForge.DevelopmentSigningKey(system.KeysDirectory), system.Identity, "risk", tenantId, role, DateTime.UtcNow.AddMinutes(10), userId: userId, email: email);

    public static async Task<JsonElement> PutAsync(HttpClient api, object body)
    {
        using var response = await api.PutAsJsonAsync("api/risk/digests/subscription", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Runs SQL as the service role with the tenant set (row-level security applies, as in the service).</summary>
    public static async Task<int> ExecuteAsTenantAsync(Guid tenantId, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await SystemFixture.OpenAsync("sourcing_risk");
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", connection))
        {
            set.Parameters.AddWithValue("t", tenantId.ToString());
            await set.ExecuteScalarAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        var rows = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>Makes a member's digest due now, its period starting <paramref name="periodDays"/> days ago.</summary>
    public static Task MakeDueAsync(Guid tenantId, Guid userId, int periodDays = 3) =>
        ExecuteAsTenantAsync(tenantId,
            "UPDATE digest_subscriptions SET next_due_at = now(), created_at = now() - make_interval(days => @days), last_period_end = NULL WHERE user_id = @user",
            ("days", periodDays), ("user", userId));

    /// <summary>Makes every digest of a tenant due now, each period starting three days ago.</summary>
    public static Task MakeAllDueAsync(Guid tenantId) =>
        ExecuteAsTenantAsync(tenantId,
            "UPDATE digest_subscriptions SET next_due_at = now(), created_at = now() - interval '3 days', last_period_end = NULL");

    /// <summary>maildev's full JSON of the messages to an address (headers and attachments included).</summary>
    public static async Task<List<JsonElement>> RawEmailsToAsync(string to)
    {
        using var http = new HttpClient();
        var all = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(TestEnvironment.MailDev, "api/email")) ?? [];
        return [.. all.Where(e => e.GetProperty("to").EnumerateArray().Any(a => string.Equals(a.GetProperty("address").GetString(), to, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>maildev's raw message (its JSON lists only some headers), parsed.</summary>
    public static async Task<MimeKit.MimeMessage> RawSourceAsync(string id)
    {
        using var http = new HttpClient();
        await using var stream = await http.GetStreamAsync(new Uri(TestEnvironment.MailDev, $"api/email/{id}/source"));
        return await MimeKit.MimeMessage.LoadAsync(stream);
    }

    public static MailDevClient MailDev => new(TestEnvironment.MailDev);
}
