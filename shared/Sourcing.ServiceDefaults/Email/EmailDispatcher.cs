using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using NpgsqlTypes;

namespace Sourcing.ServiceDefaults.Email;

/// <summary>
/// Sends the outbox's due e-mails through SMTP. Each e-mail is claimed with <c>FOR UPDATE SKIP LOCKED</c>,
/// sent and marked in a transaction of its own, so several instances never send the same row and a crash
/// resends at most the one e-mail between its SMTP hand-off and its commit (the stable Message-ID lets a
/// receiving system drop that rare duplicate); a failure is recorded on the row with a growing delay, so
/// an SMTP outage delays mail and loses none.
/// </summary>
public sealed partial class EmailDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IEmailOutboxDbContext
{
    private readonly SmtpOptions _smtp = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _smtp.Concurrency)).Select(_ => Task.Run(() => SendLoopAsync(stoppingToken), stoppingToken)));

    /// <summary>
    /// One send loop; <see cref="SmtpOptions.Concurrency"/> of them claim disjoint batches (SKIP LOCKED).
    /// While there is a backlog the loop keeps its SMTP connection from batch to batch; when it runs out of
    /// work it says QUIT, so an idle connection is never left for the server to time out.
    /// </summary>
    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await DispatchDueAsync(client, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogRoundFailed(logger, ex);
                    client.Dispose();
                    client = new SmtpClient { Timeout = 30_000 };
                }

                if (claimed < _smtp.BatchSize)
                {
                    await QuitAsync(client);
                    try
                    {
                        await Task.Delay(_smtp.PollInterval, clock, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            await QuitAsync(client);
            client.Dispose();
        }
    }

    /// <summary>
    /// Sends up to a batch of due e-mails through <paramref name="client"/>, connecting it if need be. Each e-mail is
    /// claimed, handed to SMTP and marked sent in a transaction of its own, so a crash (kill -9, a lost node) can send
    /// again only the one e-mail whose hand-off had completed and whose commit had not; the rest are marked sent or
    /// still due. When the server cannot be reached, the batch is marked failed at once (one connection attempt, not one
    /// per e-mail). Answers how many e-mails it handled.
    /// </summary>
    private async Task<int> DispatchDueAsync(SmtpClient client, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var handled = 0;
        while (handled < _smtp.BatchSize)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var email = (await ClaimAsync(db, now, 1, except: null, ct)).SingleOrDefault();
            if (email is null)
            {
                await tx.CommitAsync(ct);
                return handled;
            }

            handled++;
            try
            {
                // A failure earlier may have cost the connection.
                await ConnectAsync(client, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogConnectFailed(logger, _smtp.Host, _smtp.Port, ex);
                var rest = await ClaimAsync(db, now, _smtp.BatchSize - handled, except: email.Id, ct);
                foreach (var failed in rest.Prepend(email))
                {
                    RecordFailure(failed, ex, now);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return handled + rest.Count;
            }

            try
            {
                await client.SendAsync(ToMime(email), ct);
                email.Attempts++;
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                email.NextAttemptAt = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(logger, email.Id, email.Attempts + 1, ex);
                RecordFailure(email, ex, now);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return handled;
    }

    /// <summary>Locks up to <paramref name="limit"/> due e-mails that no other sender holds (SKIP LOCKED), oldest due first.</summary>
    private static Task<List<OutgoingEmail>> ClaimAsync(TContext db, DateTimeOffset now, int limit, Guid? except, CancellationToken ct)
    {
        // The table name is ours (EmailOutboxExtensions.TableName), not input, so splicing it is safe.
        var sql = $$"""
            SELECT * FROM {{EmailOutboxExtensions.TableName}}
            WHERE sent_at IS NULL AND next_attempt_at <= {0} AND id IS DISTINCT FROM {2}
            ORDER BY next_attempt_at
            LIMIT {1}
            FOR UPDATE SKIP LOCKED
            """;
        // No e-mail to leave out is a typed null, not a sentinel id.
        var leaveOut = new NpgsqlParameter("except", NpgsqlDbType.Uuid) { Value = (object?)except ?? DBNull.Value };
        return db.OutgoingEmails.FromSqlRaw(sql, now, limit, leaveOut).ToListAsync(ct);
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        if (client.IsConnected)
        {
            return;
        }

        await client.ConnectAsync(_smtp.Host, _smtp.Port, _smtp.Security, ct);
        if (!string.IsNullOrEmpty(_smtp.Username))
        {
            await client.AuthenticateAsync(_smtp.Username, _smtp.Password ?? "", ct);
        }
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The server may already have gone; the connection is closed either way.
        }
    }

    private void RecordFailure(OutgoingEmail email, Exception ex, DateTimeOffset now)
    {
        email.Attempts++;
        email.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        if (email.Attempts >= _smtp.MaxAttempts)
        {
            email.NextAttemptAt = null;
            LogGaveUp(logger, email.Id, email.Attempts);
            return;
        }

        var delay = _smtp.RetryDelay * Math.Pow(2, Math.Min(email.Attempts - 1, 20));
        email.NextAttemptAt = now + (delay > _smtp.MaxRetryDelay ? _smtp.MaxRetryDelay : delay);
    }

    private MimeMessage ToMime(OutgoingEmail email)
    {
        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        foreach (var image in email.InlineImages ?? [])
        {
            var part = body.LinkedResources.Add(image.ContentId, image.Content, ContentType.Parse(image.MediaType));
            part.ContentId = image.ContentId;
        }

        var message = new MimeMessage { Subject = email.Subject, Body = body.ToMessageBody() };
        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        var from = MailboxAddress.Parse(_smtp.From);
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(email.To));
        // A stable id lets a receiving system spot the duplicate of an at-least-once resend.
        message.MessageId = $"{email.Id:N}@{from.Domain}";
        return message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail dispatch round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach SMTP server {Host}:{Port}; due e-mails will be retried")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail {EmailId} failed (attempt {Attempt})")]
    private static partial void LogSendFailed(ILogger logger, Guid emailId, int attempt, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on e-mail {EmailId} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid emailId, int attempts);
}
