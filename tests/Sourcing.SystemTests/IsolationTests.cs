using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>
/// Every endpoint that reads or writes tenant data: tenant B's token on tenant A's ids answers 404
/// and changes nothing, the same request on B's own data works, and lists show only B's rows. Then
/// the database half: as the run-time role, B's tenant setting shows none of A's rows, and no
/// tenant setting shows no rows at all.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class IsolationTests(SystemFixture system)
{
    private static readonly string[] TenantTables = ["tenants", "members", "invitations", "api_clients"];

    [Fact]
    public async Task Tenant_B_cannot_see_or_touch_tenant_A_through_any_endpoint_but_can_use_its_own()
    {
        var a = await Populate("Alpha Corp");
        var b = await Populate("Beta Corp");
        using var apiA = system.Api(a.Tenant.AccessToken);
        using var apiB = system.Api(b.Tenant.AccessToken);

        // GET /api/tenant: each sees itself.
        Assert.Equal(b.Tenant.TenantId, (await apiB.GetFromJsonAsync<JsonElement>("api/tenant")).GetProperty("id").GetGuid());

        // PUT /api/tenant/settings: B's change is B's alone.
        using (var put = await apiB.PutAsJsonAsync("api/tenant/settings", Settings.Valid(name: "Beta Renamed")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal("Alpha Corp", (await apiA.GetFromJsonAsync<JsonElement>("api/tenant")).GetProperty("name").GetString());

        // Lists show only B's rows.
        var members = await apiB.GetFromJsonAsync<JsonElement>("api/members");
        Assert.DoesNotContain(Items(members), m => m.GetProperty("email").GetString() == a.Tenant.AdminEmail);
        Assert.Equal(2, members.GetProperty("totalCount").GetInt32());
        var invitations = await apiB.GetFromJsonAsync<JsonElement>("api/invitations");
        Assert.DoesNotContain(Items(invitations), i => i.GetProperty("id").GetGuid() == a.InvitationId);
        var clients = await apiB.GetFromJsonAsync<JsonElement>("api/api-clients");
        Assert.DoesNotContain(Items(clients), c => c.GetProperty("id").GetGuid() == a.ApiClientId);
        Assert.Single(Items(clients));

        // PATCH /api/members/{id}: A's member is not found for B, and keeps its role.
        using (var foreign = await apiB.PatchAsJsonAsync($"api/members/{a.Tenant.AdminUserId}", new { role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Contains(Items(await apiA.GetFromJsonAsync<JsonElement>("api/members")),
            m => m.GetProperty("userId").GetGuid() == a.Tenant.AdminUserId && m.GetProperty("role").GetString() == "admin");
        using (var own = await apiB.PatchAsJsonAsync($"api/members/{b.MemberUserId}", new { role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // POST /api/invitations/{id}/resend: foreign 404, A's invitation untouched; own works.
        using (var foreign = await apiB.PostAsync($"api/invitations/{a.InvitationId}/resend", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(1, Invitation(await apiA.GetFromJsonAsync<JsonElement>("api/invitations"), a.InvitationId).GetProperty("timesSent").GetInt32());
        using (var own = await apiB.PostAsync($"api/invitations/{b.InvitationId}/resend", null))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // DELETE /api/invitations/{id}: foreign 404, A's still pending; own works.
        using (var foreign = await apiB.DeleteAsync($"api/invitations/{a.InvitationId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal("pending", Invitation(await apiA.GetFromJsonAsync<JsonElement>("api/invitations"), a.InvitationId).GetProperty("status").GetString());
        using (var own = await apiB.DeleteAsync($"api/invitations/{b.InvitationId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }

        // DELETE /api/api-clients/{id}: foreign 404, A's client still gets tokens; own works.
        using (var foreign = await apiB.DeleteAsync($"api/api-clients/{a.ApiClientId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Null(Items(await apiA.GetFromJsonAsync<JsonElement>("api/api-clients")).Single().GetProperty("revokedAt").GetString());
        using (var own = await apiB.DeleteAsync($"api/api-clients/{b.ApiClientId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }

        // DELETE /api/members/{id}: foreign 404, A's admin still there; own works.
        using (var foreign = await apiB.DeleteAsync($"api/members/{a.MemberUserId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(2, (await apiA.GetFromJsonAsync<JsonElement>("api/members")).GetProperty("totalCount").GetInt32());
        using (var own = await apiB.DeleteAsync($"api/members/{b.MemberUserId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }

        // The database half, as the run-time role.
        foreach (var table in TenantTables)
        {
            Assert.Equal(0L, await CountAsync(b.Tenant.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id = @a", a.Tenant.TenantId));
            Assert.True(await CountAsync(b.Tenant.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id = @a", b.Tenant.TenantId) > 0);
            Assert.Equal(0L, await CountAsync(b.Tenant.TenantId, $"SELECT count(*) FROM {table} WHERE tenant_id <> @a", b.Tenant.TenantId));
            Assert.Equal(0L, await CountAsync(null, $"SELECT count(*) FROM {table} WHERE tenant_id <> @a", Guid.Empty));
        }
    }

    [Fact]
    public async Task Writing_a_row_for_another_tenant_is_refused_by_the_database()
    {
        var a = await system.NewTenantAsync();
        var b = await system.NewTenantAsync();
        await using var connection = await SystemFixture.OpenAsync("sourcing_tenants");
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, b.TenantId);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO members (tenant_id, user_id, email, name, role, joined_at) VALUES (@a, gen_random_uuid(), 'x@example.com', 'X', 'admin', now())",
            connection);
        insert.Parameters.AddWithValue("a", a.TenantId);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal("42501", error.SqlState); // new row violates row-level security policy
    }

    [Fact]
    public async Task Every_table_with_a_tenant_id_has_forced_row_level_security_and_the_service_role_bypasses_nothing()
    {
        await using var connection = await SystemFixture.OpenAsync("sourcing_tenants", "sourcing_owner");
        await using var tables = new NpgsqlCommand(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND c.relname NOT IN ('outbox_messages', 'inbox_messages', 'outgoing_emails')
            """,
            connection);
        var seen = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen.Add(reader.GetString(0));
                Assert.True(reader.GetBoolean(1), $"{reader.GetString(0)} has row-level security disabled");
                Assert.True(reader.GetBoolean(2), $"{reader.GetString(0)} does not force row-level security");
            }
        }

        Assert.Superset(TenantTables.ToHashSet(), seen.ToHashSet());

        await using var role = new NpgsqlCommand(
            "SELECT rolsuper OR rolbypassrls, (SELECT count(*) FROM pg_class WHERE relowner = r.oid AND relkind = 'r') FROM pg_roles r WHERE rolname = 'sourcing_app'",
            connection);
        await using var roleReader = await role.ExecuteReaderAsync();
        Assert.True(await roleReader.ReadAsync());
        Assert.False(roleReader.GetBoolean(0));
        Assert.Equal(0L, roleReader.GetInt64(1));
    }

    private async Task<Populated> Populate(string company)
    {
        var tenant = await system.NewTenantAsync(company);
        var member = await system.Client.InviteAndJoinAsync(
            tenant.AccessToken, SystemFixture.UniqueEmail("vm"), "Val Manager", "vendor-manager", SystemFixture.StrongPassword);
        using var api = system.Api(tenant.AccessToken);
        using var invited = await api.PostAsJsonAsync("api/invitations", new { email = SystemFixture.UniqueEmail("pending"), role = "viewer" });
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var client = await api.PostAsJsonAsync("api/api-clients", new { name = "ERP", scopes = new[] { "tenants:read" } });
        var clientId = (await client.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var memberUserId = Guid.Parse(TokenInspection.Read(member.AccessToken).Subject);
        return new Populated(tenant, memberUserId, invitationId, clientId);
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static JsonElement Invitation(JsonElement page, Guid id) => Items(page).Single(i => i.GetProperty("id").GetGuid() == id);

    private static async Task SetTenantAsync(NpgsqlConnection connection, Guid tenantId)
    {
        await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", connection);
        set.Parameters.AddWithValue("t", tenantId.ToString());
        await set.ExecuteScalarAsync();
    }

    private static Task<long> CountAsync(Guid? tenant, string sql, Guid parameter) =>
        SystemFixture.CountAsTenantAsync("sourcing_tenants", tenant, sql, ("a", parameter));

    private sealed record Populated(SignedUpTenant Tenant, Guid MemberUserId, Guid InvitationId, Guid ApiClientId);
}
