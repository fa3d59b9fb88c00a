using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sourcing.ServiceDefaults.Messaging;

/// <summary>
/// Publishes outbox rows in order, with publisher confirms, and marks them sent. Rows are claimed
/// with <c>FOR UPDATE SKIP LOCKED</c>, so several instances of a service can run side by side; a
/// crash between publish and mark means a second publish, which the consumers' inbox absorbs. A
/// broker outage leaves rows waiting, and they go out when it returns.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KeepSent = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var lastCleanup = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                if (clock.GetUtcNow() - lastCleanup > TimeSpan.FromHours(1))
                {
                    await DeleteOldSentAsync(stoppingToken);
                    lastCleanup = clock.GetUtcNow();
                }

                if (sent < BatchSize)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(failures, 6))));
                LogDispatchFailed(logger, ex, delay.TotalSeconds);
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        var sent = 0;
        try
        {
            foreach (var message in batch)
            {
                await PublishAsync(message, cancellationToken);
                message.SentAt = clock.GetUtcNow();
                sent++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Keep what went out; note the failure on the row that did not; try again later.
            var failed = batch[sent];
            failed.Attempts++;
            failed.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            throw;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sent > 0)
        {
            LogDispatched(logger, sent);
        }

        return sent;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxExtensions.ResolveEventType(message.MessageType)
            ?? throw new InvalidOperationException($"Unknown event type '{message.MessageType}' in outbox row {message.Id}.");
        var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException($"Outbox row {message.Id} has an empty payload.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.Id), timeout.Token);
    }

    private async Task DeleteOldSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var before = clock.GetUtcNow() - KeepSent;
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Count} outbox message(s)")]
    private static partial void LogDispatched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying in {DelaySeconds} s")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, double delaySeconds);
}
