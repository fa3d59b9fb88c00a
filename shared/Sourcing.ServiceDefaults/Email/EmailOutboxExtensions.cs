using Microsoft.EntityFrameworkCore;
using Sourcing.ServiceDefaults.Persistence;

namespace Sourcing.ServiceDefaults.Email;

/// <summary>The e-mail outbox's table, and how a unit of work queues an e-mail.</summary>
public static class EmailOutboxExtensions
{
    public const string TableName = "outgoing_emails";

    /// <summary>Maps <see cref="OutgoingEmail"/> to <c>outgoing_emails</c> (exempt from row-level security: the dispatcher reads across tenants).</summary>
    public static ModelBuilder AddEmailOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutgoingEmail>(e =>
        {
            e.ToTable(TableName);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.To).HasColumnName("to").HasMaxLength(320);
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(500);
            e.Property(x => x.HtmlBody).HasColumnName("html_body");
            e.Property(x => x.TextBody).HasColumnName("text_body");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.SentAt).HasColumnName("sent_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(x => x.Headers).HasColumnName("headers").AsJson();
            e.Property(x => x.InlineImages).HasColumnName("inline_images").AsJson();
            // The dispatcher's query: unsent rows that are due.
            e.HasIndex(x => x.NextAttemptAt).HasDatabaseName("ix_outgoing_emails_due").HasFilter("sent_at IS NULL");
        });
        return modelBuilder;
    }

    /// <summary>
    /// Adds an e-mail to the outbox. Nothing is sent until the caller's SaveChanges (and its
    /// transaction, if any) commits, so an e-mail goes out exactly when the change it reports is kept.
    /// </summary>
    public static OutgoingEmail QueueEmail(
        this IEmailOutboxDbContext db,
        string to,
        string subject,
        string html,
        string text,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<EmailInlineImage>? inlineImages = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var email = new OutgoingEmail
        {
            Id = Guid.CreateVersion7(now),
            To = to,
            Subject = subject,
            HtmlBody = html,
            TextBody = text,
            CreatedAt = now,
            NextAttemptAt = now,
            Headers = headers,
            InlineImages = inlineImages,
        };
        db.OutgoingEmails.Add(email);
        return email;
    }
}
