using System.Net.Http.Json;
using System.Text.Json;
using Sourcing.Testing;

// Seeds the demo tenant through the product's public flows (sign-up, login, invitations read from
// the SMTP sink), so the demo is what a real company would have. Safe to run again: whoever
// already exists is kept.
var options = ParseArguments(args);
var client = new SourcingClient(options["--identity"], options["--tenants"], options["--maildev"]);

const string Password = "Demo-Password-2026";
const string AdminEmail = "admin@northwind.example";
var people = new[]
{
    (Email: "vendor.manager@northwind.example", Name: "Victor Vendor", Role: "vendor-manager"),
    (Email: "viewer@northwind.example", Name: "Vivian Viewer", Role: "viewer"),
};

Console.WriteLine($"Seeding the demo tenant against {client.Identity} and {client.Tenants} ...");
string adminToken;
try
{
    adminToken = (await client.Oidc.LoginAsync(AdminEmail, Password)).AccessToken!;
    Console.WriteLine("  demo tenant exists already");
}
catch (LoginFailedException)
{
    var tenant = await client.SignUpAsync(
        "Northwind Traders", "US", "USD", "America/New_York", "Nora Northwind", AdminEmail, Password);
    adminToken = tenant.AccessToken;
    Console.WriteLine($"  signed up Northwind Traders (tenant {tenant.TenantId})");
}

using (var api = client.Api(adminToken))
{
    var members = await api.GetFromJsonAsync<JsonElement>("api/members?pageSize=500");
    var existing = members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("email").GetString()).ToHashSet();
    foreach (var person in people)
    {
        if (existing.Contains(person.Email))
        {
            Console.WriteLine($"  {person.Email} is a member already");
            continue;
        }

        var invitations = await api.GetFromJsonAsync<JsonElement>("api/invitations?pageSize=500");
        foreach (var stale in invitations.GetProperty("items").EnumerateArray()
                     .Where(i => i.GetProperty("email").GetString() == person.Email && i.GetProperty("status").GetString() == "pending"))
        {
            using var revoked = await api.DeleteAsync($"api/invitations/{stale.GetProperty("id").GetGuid()}");
        }

        await client.InviteAndJoinAsync(adminToken, person.Email, person.Name, person.Role, Password);
        Console.WriteLine($"  invited {person.Email} as {person.Role}; the invitation e-mail's link was followed and a password set");
    }
}

await EngagementsDemo.SeedAsync(options["--engagements"], options["--tenants"], adminToken);
await SlaDemo.SeedAsync(adminToken, options["--engagements"], options["--sla"]);
await RiskDemo.RunAsync(options["--risk"], (await client.Oidc.LoginAsync(AdminEmail, Password)).AccessToken!);
await RiskDemo.DigestAsync(options["--risk"], (await client.Oidc.LoginAsync(people[0].Email, Password)).AccessToken!, "America/New_York", options["--maildev"]);

Console.WriteLine("Seeding the demo bank (registers) ...");
await BankDemo.SeedAsync(client, options["--engagements"], Password);

Console.WriteLine();
Console.WriteLine("Demo logins (password for all: " + Password + "):");
Console.WriteLine($"  admin           {AdminEmail} (locally also the platform administrator: Background jobs)");
foreach (var person in people)
{
    Console.WriteLine($"  {person.Role,-15} {person.Email}");
}

Console.WriteLine($"  bank admin      {BankDemo.AdminEmail} (Hanse Bank AG: the registers and a shared cloud host, Registers and Fourth parties in the portal)");

return 0;

static Dictionary<string, Uri> ParseArguments(string[] args)
{
    var values = new Dictionary<string, Uri>
    {
        ["--identity"] = new("http://127.0.0.1:5100/"),
        ["--tenants"] = new("http://127.0.0.1:5101/"),
        ["--maildev"] = new("http://127.0.0.1:10800/"),
        ["--engagements"] = new("http://127.0.0.1:5102/"),
        ["--sla"] = new("http://127.0.0.1:5103/"),
        ["--risk"] = new("http://127.0.0.1:5104/"),
    };
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!values.ContainsKey(args[i]))
        {
            throw new ArgumentException($"Unknown option {args[i]} (known: {string.Join(", ", values.Keys)}).");
        }

        values[args[i]] = new Uri(args[i + 1].TrimEnd('/') + "/");
    }

    return values;
}
