using System.Globalization;
using Microsoft.Playwright;
using Sourcing.Testing;

namespace Sourcing.Portal.BrowserTests;

/// <summary>
/// Starts every service and the portal as real processes against the servers infra/test.sh started
/// (on ports of their own, see <see cref="PortalEnvironment.ServicePortBase"/>), and Debian's Chromium
/// through Playwright, once for the test assembly. Each test signs up its own company.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private const int ServicesOffset = 40;
    private const int PortalOffset = 49;

    private static readonly (string Name, string Project, string Database)[] Specs =
    [
        ("Identity", "Sourcing.Identity", "sourcing_identity"),
        ("Tenants", "Sourcing.Tenants", "sourcing_tenants"),
        ("Engagements", "Sourcing.Engagements", "sourcing_engagements"),
        ("Sla", "Sourcing.Sla", "sourcing_sla"),
        ("Risk", "Sourcing.Risk", "sourcing_risk"),
    ];

    private readonly List<ServiceProcess> _processes = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public SourcingClient Client { get; private set; } = null!;

    public Uri Portal { get; } = new($"http://127.0.0.1:{PortalEnvironment.ServicePortBase + PortalOffset}/");

    public static Uri ServiceUrl(string name) =>
        new($"http://127.0.0.1:{PortalEnvironment.ServicePortBase + ServicesOffset + Array.FindIndex(Specs, s => s.Name == name)}/");

    public Uri Identity => ServiceUrl("Identity");

    public Uri Engagements => ServiceUrl("Engagements");

    public Uri Sla => ServiceUrl("Sla");

    public Uri Risk => ServiceUrl("Risk");

    public async Task InitializeAsync()
    {
        var keys = Path.Combine(PortalEnvironment.DataDirectory, "keys");
        var logs = Path.Combine(PortalEnvironment.DataDirectory, "logs", "browser");
        var identity = Identity.ToString();
        foreach (var (name, project, database) in Specs)
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Database"] = PortalEnvironment.ConnectionString(database, "sourcing_app"),
                ["ConnectionStrings__Migrations"] = PortalEnvironment.ConnectionString(database, "sourcing_owner"),
                ["RabbitMq__Host"] = "127.0.0.1",
                ["RabbitMq__Port"] = PortalEnvironment.RabbitPort.ToString(CultureInfo.InvariantCulture),
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = PortalEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["DataProtection__KeysDirectory"] = Path.Combine(keys, "dataprotection"),
                ["Identity__Authority"] = identity,
                ["Identity__Issuer"] = identity,
                // The e-mails' links: into this run's portal, and the unsubscribe link to this run's risk service.
                ["Portal__BaseUrl"] = Portal.ToString(),
                ["Digests__UnsubscribeBaseUrl"] = ServiceUrl("Risk").ToString(),
                ["Identity__KeysDirectory"] = keys,
                ["Identity__PlatformAdmins__0"] = PlatformOperatorEmail,
                // The portal of this run, besides the address scripts and tests use for the flow over plain HTTP.
                ["Identity__Portal__RedirectUris__0"] = "http://127.0.0.1/callback",
                ["Identity__Portal__RedirectUris__1"] = new Uri(Portal, "signin-oidc").ToString(),
                ["Identity__Portal__PostLogoutRedirectUris__0"] = "http://127.0.0.1/signed-out",
                ["Identity__Portal__PostLogoutRedirectUris__1"] = new Uri(Portal, "signout-callback-oidc").ToString(),
            };
            _processes.Add(await ServiceProcess.StartAsync(
                name, project, ServiceUrl(name).Port, environment, PortalEnvironment.RepoRoot, PortalEnvironment.Configuration, logs));
        }

        _processes.Add(await ServiceProcess.StartAsync(
            "Portal", "Sourcing.Portal", Portal.Port,
            new Dictionary<string, string>
            {
                ["Identity__Authority"] = identity,
                ["Services__Engagements"] = Engagements.ToString(),
                ["Services__Sla"] = Sla.ToString(),
                ["Services__Risk"] = ServiceUrl("Risk").ToString(),
                ["Services__Tenants"] = ServiceUrl("Tenants").ToString(),
                ["DataProtection__KeysDirectory"] = Path.Combine(keys, "dataprotection"),
                // Every page refreshes the access token (tokens live 15 minutes), so every test exercises the quiet refresh.
                ["Portal__RefreshBefore"] = "00:15:00",
            },
            PortalEnvironment.RepoRoot, PortalEnvironment.Configuration, logs));

        Client = new SourcingClient(Identity, ServiceUrl("Tenants"), PortalEnvironment.MailDev);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PortalEnvironment.ChromiumPath,
            Headless = true,
        });
        Directory.CreateDirectory(PortalEnvironment.ArtifactsDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
    }

    public const string StrongPassword = "Correct-Horse-42-Battery";

    /// <summary>The one address the identity service of this run makes a platform administrator (sign up a company with it first).</summary>
    public const string PlatformOperatorEmail = "operator@platform.test";

    /// <summary>A company signed up through the identity API, with a fresh admin e-mail; waits until the engagements service knows it.</summary>
    public async Task<SignedUpTenant> SignUpAsync(string company, string? adminEmail = null)
    {
        var tenant = await Client.SignUpAsync(
            company, "US", "USD", "America/New_York", "Ada Admin", adminEmail ?? $"admin-{Guid.NewGuid():N}@example.com", StrongPassword);
        using var api = SourcingClient.Api(Engagements, tenant.AccessToken);
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await api.GetAsync(new Uri("api/engagement-settings", UriKind.Relative));
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(60),
            "the engagements service to receive the tenant's settings");
        return tenant;
    }

    /// <summary>Reloads an engagement page until the risk service has scored it (its composite shows).</summary>
    public static async Task WaitForScoresAsync(IPage page)
    {
        var wait = TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + wait;
        while (await page.GetByTestId("composite").CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the engagement was not scored within {wait.TotalSeconds} s");
            await Task.Delay(2000);
            await page.ReloadAsync();
        }
    }

    /// <summary>A new browser context (its own cookies), 1280 px wide unless told otherwise.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    /// <summary>On the identity service's login page (where the portal sent the browser), signs in and comes back to the portal.</summary>
    public async Task LogInAsync(IPage page, string email, string password)
    {
        Assert.StartsWith(new Uri(Identity, "account/login").ToString(), page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(Portal.ToString(), StringComparison.Ordinal));
    }

    /// <summary>Saves a full-page screenshot as an artifact and says where.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(PortalEnvironment.ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Console.WriteLine($"Screenshot: {path}");
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
