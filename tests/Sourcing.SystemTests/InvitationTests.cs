using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

[Collection(SystemCollection.Name)]
public sealed class InvitationTests(SystemFixture system)
{
    [Fact]
    public async Task The_invitation_email_link_sets_a_password_and_the_member_logs_in_with_the_invited_role_and_the_link_then_is_spent()
    {
        var tenant = await system.NewTenantAsync();
        using var admin = system.Api(tenant.AccessToken);
        var email = SystemFixture.UniqueEmail("invitee");
        var invitationId = await InviteAsync(admin, email, "vendor-manager");

        var mail = await system.Client.Mail.WaitForEmailAsync(email, "invit", TimeSpan.FromSeconds(30));
        Assert.Contains("Acme Outsourcing Ltd", mail.Subject + mail.Text, StringComparison.Ordinal);
        var link = MailDevClient.FindLink(mail, "accept-invitation");

        var accepted = await SourcingClient.AcceptInvitationAsync(link, "Ivy Invitee", SystemFixture.StrongPassword);
        Assert.True((int)accepted.Status < 400, accepted.Html);

        var tokens = await system.Client.Oidc.LoginAsync(email, SystemFixture.StrongPassword);
        var jwt = TokenInspection.Read(tokens.AccessToken!);
        Assert.Equal("vendor-manager", jwt.Claim("role"));
        Assert.Equal(tenant.TenantId.ToString(), jwt.Claim("tenant_id"));
        Assert.Equal("Ivy Invitee", jwt.Claim("name"));

        await Eventually.WaitAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("api/members")).GetProperty("items").EnumerateArray()
                .Any(m => m.GetProperty("email").GetString() == email && m.GetProperty("role").GetString() == "vendor-manager"),
            TimeSpan.FromSeconds(20),
            "the member to join");
        var invitation = (await admin.GetFromJsonAsync<JsonElement>("api/invitations")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == invitationId);
        Assert.Equal("accepted", invitation.GetProperty("status").GetString());

        // The link is one-time: opening it again shows no form, and posting it again changes nothing.
        var again = await SourcingClient.AcceptInvitationAsync(link, "Mallory", "Another-Password-77");
        Assert.True((int)again.Status >= 400, $"A used link answered {(int)again.Status}");
        await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(email, "Another-Password-77"));
    }

    [Fact]
    public async Task An_expired_invitation_link_is_refused()
    {
        var tenant = await system.NewTenantAsync();
        using var admin = system.Api(tenant.AccessToken);
        var email = SystemFixture.UniqueEmail("late");
        var invitationId = await InviteAsync(admin, email, "viewer");
        var link = MailDevClient.FindLink(await system.Client.Mail.WaitForEmailAsync(email, "invit", TimeSpan.FromSeconds(30)), "accept-invitation");

        var expired = await SystemFixture.ScalarAsync<int>(
            "sourcing_identity",
            "WITH r AS (UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id RETURNING 1) SELECT count(*)::int FROM r",
            ("id", invitationId));
        Assert.Equal(1, expired);

        var page = await SourcingClient.AcceptInvitationAsync(link, "Larry Late", SystemFixture.StrongPassword);
        Assert.True((int)page.Status >= 400, $"An expired link answered {(int)page.Status}");
        await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(email, SystemFixture.StrongPassword));
    }

    [Fact]
    public async Task A_revoked_invitation_link_is_refused_and_a_resent_one_replaces_the_old_link()
    {
        var tenant = await system.NewTenantAsync();
        using var admin = system.Api(tenant.AccessToken);

        var revokedEmail = SystemFixture.UniqueEmail("revoked");
        var revokedId = await InviteAsync(admin, revokedEmail, "viewer");
        var revokedLink = MailDevClient.FindLink(await system.Client.Mail.WaitForEmailAsync(revokedEmail, "invit", TimeSpan.FromSeconds(30)), "accept-invitation");
        using (var revoke = await admin.DeleteAsync($"api/invitations/{revokedId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await Eventually.WaitAsync(
            async () => (int)(await new Browser().GetAsync(revokedLink)).Status >= 400,
            TimeSpan.FromSeconds(20),
            "the revoked link to stop working");

        var resentEmail = SystemFixture.UniqueEmail("resent");
        var resentId = await InviteAsync(admin, resentEmail, "admin");
        var first = await system.Client.Mail.WaitForEmailAsync(resentEmail, "invit", TimeSpan.FromSeconds(30));
        using (var resend = await admin.PostAsync($"api/invitations/{resentId}/resend", null))
        {
            Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        }

        var second = await system.Client.Mail.WaitForEmailAsync(resentEmail, "invit", TimeSpan.FromSeconds(30), new HashSet<string> { first.Id });
        var oldLink = MailDevClient.FindLink(first, "accept-invitation");
        var newLink = MailDevClient.FindLink(second, "accept-invitation");
        Assert.NotEqual(oldLink, newLink);
        Assert.True((int)(await SourcingClient.AcceptInvitationAsync(oldLink, "Rita", SystemFixture.StrongPassword)).Status >= 400);
        Assert.True((int)(await SourcingClient.AcceptInvitationAsync(newLink, "Rita", SystemFixture.StrongPassword)).Status < 400);
        Assert.Equal("admin", TokenInspection.Read((await system.Client.Oidc.LoginAsync(resentEmail, SystemFixture.StrongPassword)).AccessToken!).Claim("role"));
    }

    [Fact]
    public async Task A_role_change_shows_at_the_next_refresh_and_a_removed_member_cannot_refresh_or_log_in()
    {
        var tenant = await system.NewTenantAsync();
        var member = await system.Client.InviteAndJoinAsync(
            tenant.AccessToken, SystemFixture.UniqueEmail("member"), "Mo Member", "viewer", SystemFixture.StrongPassword);
        var userId = Guid.Parse(TokenInspection.Read(member.AccessToken).Subject);
        using var admin = system.Api(tenant.AccessToken);
        await Eventually.WaitAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("api/members")).GetProperty("totalCount").GetInt32() == 2,
            TimeSpan.FromSeconds(20),
            "the member to join");

        using (var promote = await admin.PatchAsJsonAsync($"api/members/{userId}", new { role = "vendor-manager" }))
        {
            Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        }

        var promoted = await Eventually.WaitAsync(
            async () =>
            {
                var refreshed = await system.Client.Oidc.RefreshAsync(member.Tokens.RefreshToken!);
                return refreshed.Succeeded && TokenInspection.Read(refreshed.AccessToken!).Claim("role") == "vendor-manager" ? refreshed : null;
            },
            TimeSpan.FromSeconds(20),
            "the new role in a refreshed token");

        using (var remove = await admin.DeleteAsync($"api/members/{userId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }

        await Eventually.WaitAsync(
            async () => !(await system.Client.Oidc.RefreshAsync(promoted.RefreshToken!)).Succeeded,
            TimeSpan.FromSeconds(20),
            "the removed member's refresh to be refused");
        await Assert.ThrowsAsync<LoginFailedException>(() => system.Client.Oidc.LoginAsync(member.Email, member.Password));
    }

    private static async Task<Guid> InviteAsync(HttpClient admin, string email, string role)
    {
        using var response = await admin.PostAsJsonAsync("api/invitations", new { email, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
