using MailKit.Security;

namespace Sourcing.ServiceDefaults.Email;

/// <summary>Section <c>Smtp</c>: where the e-mail dispatcher sends, and how it retries.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>The sender, as an address or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS mode; <c>Auto</c> uses STARTTLS when the server offers it (maildev does not).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>How many send loops run side by side in one process, each with its own SMTP connection and its own claimed batch.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Rows claimed per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long the dispatcher sleeps when nothing is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay; doubled on each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts the row is kept but no longer tried (about a day with the defaults).</summary>
    public int MaxAttempts { get; set; } = 30;
}
