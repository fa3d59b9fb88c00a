using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Sourcing.Contracts;
using Sourcing.SystemTests.Sweeps;
using Sourcing.Testing;

namespace Sourcing.SystemTests;

/// <summary>
/// Who may call what, for every operation of every service's OpenAPI document: one table, read off
/// the endpoints' <c>RequireAuthorization</c> / <c>AllowAnonymous</c> (not off their answers), checked
/// against the documents (no operation without a row, no row without an operation) and against the
/// services: no token, an expired token and another API's token are 401; a role the row does not
/// allow is 403; an allowed caller is neither, and nothing is ever 5xx.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuthorizationSweepTests(SystemFixture system)
{
    [Flags]
    public enum Callers
    {
        None = 0,
        Anonymous = 1,
        Admin = 2,
        VendorManager = 4,
        Viewer = 8,
        PlatformAdmin = 16,
    }

    // The shared policies (shared/Sourcing.ServiceDefaults/Auth/Policies.cs).
    private const Callers Read = Callers.Admin | Callers.VendorManager | Callers.Viewer;
    private const Callers Write = Callers.Admin | Callers.VendorManager;
    private const Callers TenantAdmin = Callers.Admin;
    private const Callers Platform = Callers.PlatformAdmin;
    private const Callers Anyone = Callers.Anonymous;

    /// <summary>Service, METHOD path (as the OpenAPI document writes it), who may call it.</summary>
    public static readonly IReadOnlyList<(string Service, string Operation, Callers Allowed)> Table =
    [
        ("Identity", "POST /api/signup", Anyone),

        ("Tenants", "POST /api/admin/resync", Platform),
        ("Tenants", "GET /api/tenant", Read),
        ("Tenants", "PUT /api/tenant/settings", TenantAdmin),
        ("Tenants", "PATCH /api/tenant/settings", TenantAdmin),
        ("Tenants", "GET /api/members", Read),
        ("Tenants", "PATCH /api/members/{userId}", TenantAdmin),
        ("Tenants", "DELETE /api/members/{userId}", TenantAdmin),
        ("Tenants", "GET /api/invitations", TenantAdmin),
        ("Tenants", "POST /api/invitations", TenantAdmin),
        ("Tenants", "POST /api/invitations/{id}/resend", TenantAdmin),
        ("Tenants", "DELETE /api/invitations/{id}", TenantAdmin),
        ("Tenants", "GET /api/api-clients", TenantAdmin),
        ("Tenants", "POST /api/api-clients", TenantAdmin),
        ("Tenants", "DELETE /api/api-clients/{id}", TenantAdmin),
        ("Tenants", "GET /api/audit", Read),

        ("Engagements", "POST /api/admin/resync", Platform),
        ("Engagements", "GET /api/engagement-settings", Read),
        ("Engagements", "GET /api/providers", Read),
        ("Engagements", "POST /api/providers", Write),
        ("Engagements", "GET /api/providers/{id}", Read),
        ("Engagements", "PUT /api/providers/{id}", Write),
        ("Engagements", "DELETE /api/providers/{id}", Write),
        ("Engagements", "GET /api/providers/{id}/audit", Read),
        ("Engagements", "GET /api/providers/{id}/fourth-parties", Read),
        ("Engagements", "GET /api/captive-centres", Read),
        ("Engagements", "POST /api/captive-centres", Write),
        ("Engagements", "GET /api/captive-centres/{id}", Read),
        ("Engagements", "PUT /api/captive-centres/{id}", Write),
        ("Engagements", "GET /api/captive-centres/{id}/audit", Read),
        ("Engagements", "GET /api/engagements", Read),
        ("Engagements", "POST /api/engagements", Write),
        ("Engagements", "GET /api/engagements/totals", Read),
        ("Engagements", "GET /api/engagements/classification", Read),
        ("Engagements", "GET /api/engagements/{id}", Read),
        ("Engagements", "PUT /api/engagements/{id}", Write),
        ("Engagements", "POST /api/engagements/{id}/terminate", Write),
        ("Engagements", "GET /api/engagements/{id}/audit", Read),
        ("Engagements", "GET /api/engagements/renewals", Read),
        ("Engagements", "GET /api/findings", Read),
        ("Engagements", "POST /api/imports/providers", Write),
        ("Engagements", "POST /api/imports/engagements", Write),
        ("Engagements", "GET /api/imports/{id}", Read),
        ("Engagements", "GET /api/exports/providers", Read),
        ("Engagements", "GET /api/exports/engagements", Read),
        ("Engagements", "GET /api/registers/settings", Read),
        ("Engagements", "PUT /api/registers/settings", TenantAdmin),
        ("Engagements", "GET /api/registers/entities", Read),
        ("Engagements", "PUT /api/registers/entities/{lei}", TenantAdmin),
        ("Engagements", "DELETE /api/registers/entities/{lei}", TenantAdmin),
        ("Engagements", "GET /api/registers/branches", Read),
        ("Engagements", "PUT /api/registers/branches/{code}", TenantAdmin),
        ("Engagements", "DELETE /api/registers/branches/{code}", TenantAdmin),
        ("Engagements", "GET /api/registers/providers/{providerId}", Read),
        ("Engagements", "PUT /api/registers/providers/{providerId}", TenantAdmin),
        ("Engagements", "GET /api/registers/engagements/{engagementId}", Read),
        ("Engagements", "PUT /api/registers/engagements/{engagementId}", TenantAdmin),
        ("Engagements", "GET /api/registers/readiness", Read),
        // The register exports are for admins and vendor managers (RegisterReportsApi, DoraExportApi).
        ("Engagements", "GET /api/registers/outsourcing", Write),
        ("Engagements", "GET /api/registers/dora", Write),
        ("Engagements", "POST /api/registers/dora/import", Write),
        ("Engagements", "GET /api/fourth-parties", Read),

        ("Sla", "POST /api/admin/resync", Platform),
        ("Sla", "GET /api/engagements/{engagementId}", Read),
        ("Sla", "GET /api/engagements/{engagementId}/slas", Read),
        ("Sla", "POST /api/engagements/{engagementId}/slas", Write),
        ("Sla", "GET /api/slas/{id}", Read),
        ("Sla", "PUT /api/slas/{id}", Write),
        ("Sla", "POST /api/slas/{id}/retire", Write),
        ("Sla", "GET /api/slas/{id}/versions", Read),
        ("Sla", "POST /api/slas/{id}/measurements", Write),
        ("Sla", "GET /api/slas/{id}/measurements", Read),
        ("Sla", "POST /api/engagements/{engagementId}/measurements", Write),
        ("Sla", "GET /api/engagements/{engagementId}/breaches", Read),
        ("Sla", "GET /api/breaches", Read),
        ("Sla", "GET /api/engagements/{engagementId}/sla-report", Read),
        ("Sla", "GET /api/slas/{id}/report", Read),

        ("Risk", "POST /api/risk/digests/run", Platform),
        ("Risk", "GET /api/risk/scores", Read),
        ("Risk", "GET /api/risk/engagements/{engagementId}/scores", Read),
        ("Risk", "GET /api/risk/engagements/{engagementId}/history", Read),
        ("Risk", "GET /api/risk/providers/{providerId}/scores", Read),
        ("Risk", "GET /api/risk/captive-centres/{captiveCentreId}/scores", Read),
        ("Risk", "GET /api/risk/portfolio", Read),
        ("Risk", "GET /api/risk/portfolio/trend", Read),
        ("Risk", "GET /api/risk/currency-exposure", Read),
        ("Risk", "GET /api/risk/working-hours", Read),
        ("Risk", "GET /api/risk/what-if/failure", Read),
        ("Risk", "GET /api/risk/alerts", Read),
        ("Risk", "GET /api/risk/alerts/assignees", Read),
        ("Risk", "GET /api/risk/alerts/{alertId}", Read),
        ("Risk", "POST /api/risk/alerts/{alertId}/acknowledge", Write),
        ("Risk", "POST /api/risk/alerts/{alertId}/resolve", Write),
        ("Risk", "PUT /api/risk/alerts/{alertId}/assignment", Write),
        ("Risk", "POST /api/risk/alerts/bulk", Write),
        ("Risk", "GET /api/risk/countries", Read),
        ("Risk", "GET /api/risk/countries/{code}", Read),
        ("Risk", "PUT /api/risk/countries/{code}/override", TenantAdmin),
        ("Risk", "DELETE /api/risk/countries/{code}/override", TenantAdmin),
        ("Risk", "POST /api/risk/recompute", TenantAdmin),
        ("Risk", "POST /api/risk/advice", Read),
        ("Risk", "GET /api/risk/digests/subscription", Read),
        ("Risk", "PUT /api/risk/digests/subscription", Read),
        ("Risk", "GET /api/risk/digests/subscription/preview", Read),
        ("Risk", "GET /api/risk/digests/subscriptions", TenantAdmin),
        ("Risk", "GET /api/risk/digests/deliveries", TenantAdmin),
        ("Risk", "GET /api/risk/digests/unsubscribe", Anyone),
        ("Risk", "POST /api/risk/digests/unsubscribe", Anyone),
    ];

    /// <summary>Each API's token audience (AddApiAuthentication in its Program.cs); identity's API is sign-up only.</summary>
    private static readonly Dictionary<string, string> Audiences = new(StringComparer.Ordinal)
    {
        ["Tenants"] = "tenants",
        ["Engagements"] = "engagements",
        ["Sla"] = "sla",
        ["Risk"] = "risk",
    };

    private static readonly (Callers Caller, string Role)[] Roles =
    [
        (Callers.Admin, Contracts.Roles.Admin),
        (Callers.VendorManager, Contracts.Roles.VendorManager),
        (Callers.Viewer, Contracts.Roles.Viewer),
        (Callers.PlatformAdmin, Contracts.Roles.PlatformAdmin),
    ];

    [Fact]
    public async Task The_table_lists_exactly_the_documented_operations()
    {
        var documented = (await ApiDocument.ReadAllAsync(system))
            .SelectMany(d => d.Operations)
            .ToDictionary(o => (o.Service, Operation: o.Key));
        var rows = Table.Select(r => (r.Service, r.Operation)).ToList();

        var problems = new List<string>();
        problems.AddRange(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key.Service} {g.Key.Operation}: {g.Count()} rows"));
        problems.AddRange(documented.Keys.Except(rows).Select(k => $"{k.Service} {k.Operation}: documented, but no row in the table"));
        problems.AddRange(rows.Except(documented.Keys).Select(r => $"{r.Service} {r.Operation}: a row, but not in the OpenAPI document"));
        foreach (var (service, operation, allowed) in Table)
        {
            if (documented.TryGetValue((service, operation), out var documentedOperation)
                && documentedOperation.DocumentedAnonymous != allowed.HasFlag(Callers.Anonymous))
            {
                problems.Add($"{service} {operation}: the table says {allowed}, the document says {(documentedOperation.DocumentedAnonymous ? "anonymous" : "bearer token")}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} differences between the table and the documents:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_operation_refuses_exactly_the_callers_the_table_refuses()
    {
        var operations = (await ApiDocument.ReadAllAsync(system)).SelectMany(d => d.Operations).ToDictionary(o => (o.Service, o.Key));
        var tenant = await system.NewTenantAsync();
        var manager = await system.Client.InviteAndJoinAsync(
            tenant.AccessToken, SystemFixture.UniqueEmail("vm"), "Vera Manager", Contracts.Roles.VendorManager, SystemFixture.StrongPassword);
        var viewer = await system.Client.InviteAndJoinAsync(
            tenant.AccessToken, SystemFixture.UniqueEmail("viewer"), "Vic Viewer", Contracts.Roles.Viewer, SystemFixture.StrongPassword);
        // Real members' ids as the forged tokens' subjects, in case an endpoint looks its caller up.
        var subjects = new Dictionary<Callers, Guid>
        {
            [Callers.Admin] = tenant.AdminUserId,
            [Callers.VendorManager] = Guid.Parse(TokenInspection.Read(manager.AccessToken).Claim("sub")!),
            [Callers.Viewer] = Guid.Parse(TokenInspection.Read(viewer.AccessToken).Claim("sub")!),
            [Callers.PlatformAdmin] = Guid.NewGuid(),
        };

        var key = TokenForge.DevelopmentSigningKey(system.KeysDirectory);
        var valid = DateTime.UtcNow.AddMinutes(10);
        string Token(string audience, Callers caller, DateTime expires) => TokenForge.Create(
            key, system.Identity, audience, tenant.TenantId, Roles.Single(r => r.Caller == caller).Role, expires, userId: subjects[caller]);

        var calls = new List<Call>();
        foreach (var (service, operation, allowed) in Table)
        {
            if (!operations.TryGetValue((service, operation), out var documented))
            {
                continue; // The other test names it.
            }

            calls.Add(new Call(documented, "no token", null, allowed.HasFlag(Callers.Anonymous) ? Expect.Allowed : Expect.Unauthenticated));
            if (allowed.HasFlag(Callers.Anonymous))
            {
                continue;
            }

            var audience = Audiences[service];
            var otherAudience = Audiences.Values.First(a => a != audience);
            calls.Add(new Call(documented, "an expired admin token", Token(audience, Callers.Admin, DateTime.UtcNow.AddMinutes(-5)), Expect.Unauthenticated));
            calls.Add(new Call(documented, $"an admin token for '{otherAudience}'", Token(otherAudience, Callers.Admin, valid), Expect.Unauthenticated));
            foreach (var (caller, role) in Roles)
            {
                calls.Add(new Call(documented, role, Token(audience, caller, valid), allowed.HasFlag(caller) ? Expect.Allowed : Expect.Forbidden));
            }
        }

        var mismatches = new ConcurrentBag<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, cancellationToken) =>
        {
            using var request = Request(call);
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var fine = call.Expect switch
            {
                Expect.Unauthenticated => status == 401,
                Expect.Forbidden => status == 403,
                _ => status is not (401 or 403) && status < 500,
            };
            if (!fine)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                mismatches.Add($"{call.Operation.Service} {call.Operation.Key} with {call.Caller}: expected {Describe(call.Expect)}, got {status} {body[..Math.Min(body.Length, 200)]}");
            }
        });

        Console.WriteLine($"Authorization sweep: {Table.Count} operations, {calls.Count} calls, {mismatches.Count} mismatches.");
        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} of {calls.Count} calls were answered against the table:\n" + string.Join('\n', mismatches.Order(StringComparer.Ordinal)));
    }

    private enum Expect
    {
        Allowed,
        Unauthenticated,
        Forbidden,
    }

    private sealed record Call(ApiOperation Operation, string Caller, string? Token, Expect Expect);

    private static string Describe(Expect expect) => expect switch
    {
        Expect.Unauthenticated => "401",
        Expect.Forbidden => "403",
        _ => "neither 401 nor 403, and no 5xx",
    };

    /// <summary>
    /// The operation with harmless arguments: a fresh GUID (or a made-up code) for each path parameter,
    /// so that no allowed call changes the tenant's members, settings or data, and <c>{}</c> for a body.
    /// </summary>
    private HttpRequestMessage Request(Call call)
    {
        var operation = call.Operation;
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.In == "path")
            {
                var value = ApiSchema.Format(parameter.Schema) == "uuid" ? Guid.NewGuid().ToString() : "ZZ";
                path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
            }
            else if (parameter.In == "query" && parameter.Name == "tenantId")
            {
                // Resync: one tenant nobody has, rather than every tenant of the run.
                query.Add($"tenantId={Guid.NewGuid()}");
            }
        }

        var url = new Uri(system.Service(operation.Service).Url, path.TrimStart('/') + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (operation.Bodies.Count > 0)
        {
            request.Content = new StringContent("{}", Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(operation.Bodies[0].ContentType);
        }

        if (call.Token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", call.Token);
        }

        return request;
    }
}
