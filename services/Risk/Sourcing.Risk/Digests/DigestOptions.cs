namespace Sourcing.Risk.Digests;

/// <summary>Section <c>Digests</c>: the scheduled risk e-mails and the immediate critical-alert mails.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Cron (UTC; six fields for seconds) of the recurring job that queues the digests due now.</summary>
    public string DueCron { get; set; } = "* * * * *";

    /// <summary>Subscriptions claimed and composed per transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Where the one-click unsubscribe link points: this service's public address.</summary>
    public string UnsubscribeBaseUrl { get; set; } = "http://127.0.0.1:5104/";

    /// <summary>A burst of critical alerts within this window becomes one e-mail per recipient.</summary>
    public TimeSpan AlertMailWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the critical-alert mailer looks for closed windows.</summary>
    public TimeSpan AlertMailPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Section <c>Portal</c>: where the links in e-mails point.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string BaseUrl { get; set; } = "http://127.0.0.1:5000/";
}
