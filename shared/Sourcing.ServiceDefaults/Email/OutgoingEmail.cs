namespace Sourcing.ServiceDefaults.Email;

/// <summary>
/// An e-mail written to the database in the same transaction as the change that caused it, and sent
/// later by <see cref="EmailDispatcher{TContext}"/>. A row is never deleted by the dispatcher: it
/// records what was sent, when, and after how many attempts.
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the dispatcher may try next; null once it has given up (see <see cref="SmtpOptions.MaxAttempts"/>).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Extra headers (e.g. <c>List-Unsubscribe</c>); null for none.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; set; }

    /// <summary>Images the HTML shows by <c>cid:</c> reference, sent as inline related parts; null for none.</summary>
    public IReadOnlyList<EmailInlineImage>? InlineImages { get; set; }
}

/// <summary>An image attached inline to an e-mail; the HTML refers to it as <c>cid:{ContentId}</c>.</summary>
public sealed record EmailInlineImage(string ContentId, string MediaType, byte[] Content);
